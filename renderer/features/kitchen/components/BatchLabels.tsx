// Batch labels (批次标签) for a 60 × 40 mm label printer: one label per page.

export interface BatchLabelData {
  productName: string;
  lotCode: string;
  productionDate?: string;
  expiryDate?: string;
  quantityText: string;
  /** QR image (data URL) encoding the GS1 label code. */
  qr: string;
  caption: { lot: string; produced: string; expires: string; qty: string };
}

export const batchLabelCss = `
  @page { size: 60mm 40mm; margin: 0; }
  .label { width: 60mm; height: 40mm; box-sizing: border-box; padding: 2mm 3mm; display: flex; gap: 2mm; page-break-after: always; overflow: hidden; }
  .label:last-child { page-break-after: auto; }
  .label .text { flex: 1; min-width: 0; font-size: 8pt; line-height: 1.35; }
  .label .name { font-size: 10pt; font-weight: 700; margin-bottom: 1mm; }
  .label .lot { font-family: monospace; font-size: 9pt; font-weight: 700; }
  .label img { width: 22mm; height: 22mm; align-self: center; }
`;

export function BatchLabels({ labels }: { labels: readonly BatchLabelData[] }) {
  return (
    <>
      {labels.map((label, index) => (
        <div className="label" key={index}>
          <div className="text">
            <div className="name">{label.productName}</div>
            <div>
              {label.caption.lot}: <span className="lot">{label.lotCode}</span>
            </div>
            {label.productionDate && (
              <div>
                {label.caption.produced}: {label.productionDate}
              </div>
            )}
            {label.expiryDate && (
              <div>
                <b>
                  {label.caption.expires}: {label.expiryDate}
                </b>
              </div>
            )}
            <div>
              {label.caption.qty}: {label.quantityText}
            </div>
          </div>
          <img src={label.qr} alt={label.lotCode} />
        </div>
      ))}
    </>
  );
}
