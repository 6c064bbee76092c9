import type { Rule } from './types';

export const TITLE_RULES: Rule[] = [];
