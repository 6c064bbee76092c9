import type { Rule } from './types';

export const DOCUMENT_RULES: Rule[] = [];
