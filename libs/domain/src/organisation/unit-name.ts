/**
 * Name normalisation: the one way two printed names are compared. Half-width brackets become full-width,
 * spaces and trailing 等 go, so 各县(市、区)政府 and 各县（市、区）政府 are one name.
 */
export function normaliseUnitName(printed: string): string {
  return printed
    .normalize('NFKC')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '、')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[、，。；：]+|[、，。；：]+$/g, '')
    .replace(/等$/, '');
}

/** A place name without its administrative suffix: 海安市 → 海安, 崇川区 → 崇川, 如东县 → 如东. */
export function placeStem(name: string): string {
  return name.replace(/(特别行政区|自治州|自治县|地区|新区|市|区|县|旗|州|省)$/, '') || name;
}
