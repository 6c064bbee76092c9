import type { Rule } from './types';

export const VALUE_RULES: Rule[] = [];
