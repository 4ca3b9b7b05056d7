import { resourceDescription, type ResourceOperations } from '../../../shared';

import * as createToken from './createToken.operation';
import * as validateToken from './validateToken.operation';

export const operations = { createToken, validateToken } satisfies ResourceOperations;

export const description = resourceDescription('emailVerification', operations, 'createToken');
