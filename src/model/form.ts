/**
 * The form a return is filed in. GSTR-1 is the statement of outward supplies; GSTR-1A (CGST Rule
 * 59(1) proviso and 59(4A), Notification 12/2024-CT) amends the filed GSTR-1 of the same period, or
 * adds what it missed, before that period's GSTR-3B. Both use the GSTR-1 JSON shapes.
 */
export type ReturnForm = 'gstr1' | 'gstr1a';

export const RETURN_FORMS: readonly ReturnForm[] = ['gstr1', 'gstr1a'];

/** How a tax accountant writes it. */
export function formLabel(form: ReturnForm): string {
  return form === 'gstr1a' ? 'GSTR-1A' : 'GSTR-1';
}

/** `--form` as typed (any case, with or without the hyphen), or undefined when it names no form. */
export function parseForm(v: string): ReturnForm | undefined {
  const k = v.trim().toLowerCase().replace(/-/g, '');
  return (RETURN_FORMS as readonly string[]).includes(k) ? (k as ReturnForm) : undefined;
}
