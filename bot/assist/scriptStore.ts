import type { ReplyScript } from '../../scripts/replyScripts.js';

/** What an import did; `before` is the library as it was, for the audit trail. */
export interface ScriptImportResult {
  readonly imported: number;
  readonly created: number;
  readonly updated: number;
  /** Scripts a `replace` import removed (always 0 for `merge`). */
  readonly deleted: number;
  readonly before: readonly ReplyScript[];
}

/**
 * The reply-script library (话术库) admins curate; owned by `ScriptLibrary`. Scripts keep the
 * order they were added in (the suggestion engine prefers earlier ones within a scenario); an
 * edit keeps a script's place.
 */
export interface ScriptStore {
  /** Every script, in library order. */
  all(): Promise<ReplyScript[]>;
  get(id: string): Promise<ReplyScript | undefined>;
  /** Adds a script at the end of the library; false, changing nothing, when the id is taken. */
  create(script: ReplyScript): Promise<boolean>;
  /** Replaces a script in place; resolves with the version it replaced, or undefined when there is none. */
  update(script: ReplyScript): Promise<ReplyScript | undefined>;
  /** Removes a script; resolves with what was removed, or undefined when there was nothing. */
  delete(id: string): Promise<ReplyScript | undefined>;
  /**
   * Writes every script or none. `merge` adds new scripts at the end and updates the others in
   * place; `replace` also removes the scripts the import lacks, and the import's order becomes
   * the library's.
   */
  import(scripts: readonly ReplyScript[], mode: 'merge' | 'replace'): Promise<ScriptImportResult>;
  /** Loads the default library once in the store's life: never again after admins edit or delete. */
  seedOnce(scripts: readonly ReplyScript[]): Promise<boolean>;
}
