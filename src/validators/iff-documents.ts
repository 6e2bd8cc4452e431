/**
 * The documents a quarterly filer already furnished in the IFF months of a quarter (read by
 * src/api/iff-documents.ts from those months' JSON, `--iff`), so that the quarter's return does
 * not report them again. A document is its kind, its recipient and its number (without case).
 */
export interface IffDocuments {
  /** the IFF period (`MMYYYY`) a document was furnished in */
  periodOf(kind: 'invoice' | 'note', ctin: string, number: string): string | undefined;
}
