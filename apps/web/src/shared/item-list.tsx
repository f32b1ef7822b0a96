/** A plain list of entries separated by rules (Ant Design's List is deprecated in v6). */
export function ItemList<T>({ items, render, itemKey, label }: { items: readonly T[]; render: (item: T) => React.ReactNode; itemKey: (item: T, index: number) => string | number; label?: string }) {
  return (
    <ul className="item-list" aria-label={label}>
      {items.map((item, index) => (
        <li key={itemKey(item, index)}>{render(item)}</li>
      ))}
    </ul>
  );
}
