import { formatCell, type TableModel } from '../../../shared/finance';

/** A table model as printed: the same cells as the CSV, numbers right-aligned. */
export function PrintableTable({ table }: { table: TableModel }) {
  return (
    <div>
      <h2>{table.title}</h2>
      <table>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} className={column.kind === 'text' || column.kind === 'date' ? undefined : 'num'}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {table.columns.map((column) => (
                <td key={column.key} className={column.kind === 'text' || column.kind === 'date' ? undefined : 'num'}>
                  {formatCell(row[column.key], column.kind).replace(/^'/, '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
