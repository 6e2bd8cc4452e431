/**
 * The documents a quarterly filer already furnished in the IFF months of a quarter (read by
 * src/api/iff-documents.ts from those months' JSON or spreadsheets, `--iff`), so that the quarter's return does
 * not report them again. A document is its kind, its recipient and its number (without case).
 */
export interface IffDocuments {
  /** where a document was furnished: the IFF's period (`MMYYYY`), or the file of its spreadsheet */
  periodOf(kind: 'invoice' | 'note', ctin: string, number: string): string | undefined;
}
