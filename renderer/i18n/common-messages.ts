import { defineMessages } from './define';

/** Strings shared by many screens, under the `ui` key: t('ui.expiry.near-expiry'). */
export default defineMessages(
  {
    expiry: { ok: 'OK', 'near-expiry': 'Near expiry', expired: 'Expired' },
    qc: { pending: 'QC pending', released: 'Released', quarantined: 'Quarantined', rejected: 'Rejected' },
    errors: {
      validation: 'Please check {{field}}: {{message}}',
      'negative-stock': 'Not enough stock of {{product}} in batch {{batch}}: {{shortfall}} short.',
      'fifo-violation':
        'Batch {{chosen}} of {{product}} was chosen while earlier batch {{earlier}} still has stock. Give a reason to override FEFO/FIFO.',
      'expired-batch': 'Batch {{batch}} expired on {{expiry}}; it can only be wasted, returned or counted.',
      'quarantined-batch': 'Batch {{batch}} is held by QC ({{status}}) and cannot leave stock until released.',
      'unknown-reference': 'Unknown {{what}}: {{id}}.',
      'not-postable': 'This document cannot be posted: {{reason}}.',
      'not-writable-by-hq-only': 'Not saved: {{id}} ({{what}}) can only be changed from an HQ terminal.',
      'not-writable-other-site': 'Not saved: {{id}} ({{what}}) belongs to site {{site}}, and only that site can change it.',
      'invalid-state': 'Not done: {{number}} is {{status}} now; refresh and try again.',
      'already-recorded': 'Already recorded as {{number}}.',
      write: 'Saving failed: {{message}}',
    },
    scan: { placeholder: 'Scan a barcode or type and press Enter', hint: 'Scanner ready' },
    print: {
      dialogShown: 'Print dialog opened',
      choosePdf: 'Choose “Save as PDF” as the destination to save a PDF.',
      failed: 'Printing failed: {{reason}}',
      saved: 'Saved to {{path}}',
    },
    empty: { noStock: 'No stock here yet', noDocuments: 'No documents yet' },
    loading: 'Loading…',
    posted: 'Posted {{number}}',
    units: { pcs: 'pcs' },
  },
  {
    expiry: { ok: '正常', 'near-expiry': '临期', expired: '已过期' },
    qc: { pending: '待检', released: '已放行', quarantined: '隔离中', rejected: '已拒收' },
    errors: {
      validation: '请检查 {{field}}：{{message}}',
      'negative-stock': '{{product}} 批次 {{batch}} 库存不足，还差 {{shortfall}}。',
      'fifo-violation': '{{product}} 选择了批次 {{chosen}}，但更早的批次 {{earlier}} 仍有库存。如需跳过先到期先出，请填写原因。',
      'expired-batch': '批次 {{batch}} 已于 {{expiry}} 过期，只能报损、退货或盘点。',
      'quarantined-batch': '批次 {{batch}} 处于质检状态（{{status}}），放行前不能出库。',
      'unknown-reference': '未知的{{what}}：{{id}}。',
      'not-postable': '该单据不能过账：{{reason}}。',
      'not-writable-by-hq-only': '未保存：{{what}} {{id}} 只能在总部终端修改。',
      'not-writable-other-site': '未保存：{{what}} {{id}} 属于站点 {{site}}，只能由该站点修改。',
      'invalid-state': '未完成：{{number}} 当前状态为“{{status}}”，请刷新后重试。',
      'already-recorded': '已记录过，单号 {{number}}。',
      write: '保存失败：{{message}}',
    },
    scan: { placeholder: '扫码或输入后按回车', hint: '扫码枪就绪' },
    print: {
      dialogShown: '已打开打印对话框',
      choosePdf: '在打印目标中选择“另存为 PDF”即可保存 PDF。',
      failed: '打印失败：{{reason}}',
      saved: '已保存到 {{path}}',
    },
    empty: { noStock: '暂无库存', noDocuments: '暂无单据' },
    loading: '加载中…',
    posted: '已过账 {{number}}',
    units: { pcs: '个' },
  },
);
