import type { Rule } from './types';

export const SECTION_RULES: Rule[] = [];
