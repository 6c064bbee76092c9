import type { Rule } from './types';

export const LIFECYCLE_RULES: Rule[] = [];
