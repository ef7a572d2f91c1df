// A sortable column header: a button inside <th aria-sort>, so sorting works by keyboard and is announced.

export type SortDir = 'asc' | 'desc';

export function SortHeader<K extends string>({ label, column, sort, dir, onSort }: {
  label: string;
  column: K;
  sort: K;
  dir: SortDir;
  onSort: (column: K) => void;
}) {
  const active = sort === column;
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span className="sort-mark" aria-hidden="true">{active ? (dir === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  );
}
