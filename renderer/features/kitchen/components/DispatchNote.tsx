// The printed dispatch note (配送单): header, lines per batch, totals, signatures and the QR
// code(s) carrying the whole dispatch for offline receiving. Rendered to static markup.

export interface DispatchNoteLine {
  productName: string;
  /** HQ's custom product fields, filled ones only ("产地: 山东"). */
  detail?: string;
  sku: string;
  lotCode: string;
  expiryDate: string;
  qty: string;
  unit: string;
  unitCost: string;
  amount: string;
}

export interface DispatchNoteData {
  title: string;
  number: string;
  labels: Record<
    | 'number'
    | 'from'
    | 'to'
    | 'date'
    | 'shippedAt'
    | 'operator'
    | 'product'
    | 'sku'
    | 'lot'
    | 'expiry'
    | 'qty'
    | 'unit'
    | 'unitCost'
    | 'amount'
    | 'total'
    | 'shipper'
    | 'receiver'
    | 'driver'
    | 'qrHint'
    | 'qrPart'
    | 'note',
    string
  >;
  from: string;
  to: string;
  date: string;
  shippedAt: string;
  /** The person who shipped it (documents' operatorId), where the site signs people in. */
  operator?: string;
  note?: string;
  /** HQ's custom dispatch fields, filled ones only (the driver, the van …). */
  fields?: { label: string; value: string }[];
  lines: DispatchNoteLine[];
  total: string;
  /** QR images (data URLs), one per part. */
  qrs: string[];
}

export const dispatchNoteCss = `
  .note { padding: 8mm; }
  .note h1 { font-size: 16pt; margin: 0 0 2mm; text-align: center; letter-spacing: 2px; }
  .note .head { display: flex; justify-content: space-between; gap: 4mm; margin-bottom: 3mm; }
  .note .meta div { margin: 0.5mm 0; }
  .note .qrs { display: flex; gap: 2mm; flex-wrap: wrap; justify-content: flex-end; }
  .note .qrs figure { margin: 0; text-align: center; font-size: 7pt; }
  .note .qrs img { width: 32mm; height: 32mm; }
  .note .sign { display: flex; justify-content: space-between; margin-top: 8mm; }
  .note .sign span { display: inline-block; min-width: 40mm; border-bottom: 1px solid #333; }
  .note .mono { font-family: monospace; }
  .note tfoot td { font-weight: 700; }
  .note .detail { font-size: 7.5pt; color: #555; }
`;

export function DispatchNote({ data }: { data: DispatchNoteData }) {
  const { labels } = data;
  return (
    <div className="note" data-number={data.number}>
      <h1>{data.title}</h1>
      <div className="head">
        <div className="meta">
          <div>
            {labels.number}: <b className="mono">{data.number}</b>
          </div>
          <div>
            {labels.from}: {data.from}
          </div>
          <div>
            {labels.to}: <b>{data.to}</b>
          </div>
          <div>
            {labels.date}: {data.date}
          </div>
          <div>
            {labels.shippedAt}: {data.shippedAt}
          </div>
          {data.operator && (
            <div>
              {labels.operator}: {data.operator}
            </div>
          )}
          {data.note && (
            <div>
              {labels.note}: {data.note}
            </div>
          )}
          {data.fields?.map((field) => (
            <div key={field.label} className="custom-field">
              {field.label}: {field.value}
            </div>
          ))}
        </div>
        <div className="qrs">
          {data.qrs.map((qr, index) => (
            <figure key={index}>
              <img className="dispatch-qr" src={qr} alt={`QR ${index + 1}/${data.qrs.length}`} />
              <figcaption>{labels.qrPart.replace('{n}', String(index + 1)).replace('{total}', String(data.qrs.length))}</figcaption>
            </figure>
          ))}
        </div>
      </div>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{labels.product}</th>
            <th>{labels.sku}</th>
            <th>{labels.lot}</th>
            <th>{labels.expiry}</th>
            <th className="num">{labels.qty}</th>
            <th>{labels.unit}</th>
            <th className="num">{labels.unitCost}</th>
            <th className="num">{labels.amount}</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((line, index) => (
            <tr key={index}>
              <td>{index + 1}</td>
              <td>
                {line.productName}
                {line.detail && <div className="detail">{line.detail}</div>}
              </td>
              <td className="mono">{line.sku}</td>
              <td className="mono">{line.lotCode}</td>
              <td>{line.expiryDate}</td>
              <td className="num">{line.qty}</td>
              <td>{line.unit}</td>
              <td className="num">{line.unitCost}</td>
              <td className="num">{line.amount}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={8}>{labels.total}</td>
            <td className="num">{data.total}</td>
          </tr>
        </tfoot>
      </table>
      <p style={{ fontSize: '8pt' }}>{labels.qrHint}</p>
      <div className="sign">
        <div>
          {labels.shipper}: <span />
        </div>
        <div>
          {labels.driver}: <span />
        </div>
        <div>
          {labels.receiver}: <span />
        </div>
      </div>
    </div>
  );
}
