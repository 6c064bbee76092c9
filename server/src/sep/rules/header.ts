import type { Rule } from './types';

export const HEADER_RULES: Rule[] = [];
