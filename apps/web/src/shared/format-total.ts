/**
 * A list's total as the console prints it: "1000+" when the API stopped counting at its cap
 * (`totalCapped`: counting every match would cost more than the page).
 */
export function formatTotal(page: { readonly total: number; readonly totalCapped?: boolean } | undefined): string {
  return page ? `${page.total}${page.totalCapped ? '+' : ''}` : '0';
}
