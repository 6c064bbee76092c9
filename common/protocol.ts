/**
 * The custom messages between the extension and the SEP language server, typed once for both sides.
 * Plain data and method names only: no editor, protocol-library or engine imports.
 */

/** `sep/status` (server → client), after each analysis of an open document: what the status bar shows. */
export const STATUS_NOTIFICATION = 'sep/status';

export interface StatusParams {
  uri: string;
  /** The document version the analysis ran on. */
  version: number;
  /** Whether the server treats the document as a SEP (and so checks it). */
  isSep: boolean;
  /** The Status field's value as written, when there is one. */
  status?: string;
  /** Findings by severity, as published in the diagnostics of that version. */
  errors: number;
  warnings: number;
  /** Information findings (hints, shown faded, are not counted). */
  other: number;
}

/** `sep/validateWorkspace` (client → server): check every SEP file in the workspace folders. */
export const VALIDATE_WORKSPACE_REQUEST = 'sep/validateWorkspace';

/** What a workspace check did: the command shows it, tests read it. */
export interface ValidationSummary {
  /** SEP files found in the workspace. */
  seps: number;
  /** Of those, checked from disk (the rest are open in editors and checked as they are typed). */
  checked: number;
  errors: number;
  warnings: number;
  /** Files that could not be read. */
  unreadable: number;
  cancelled: boolean;
}
