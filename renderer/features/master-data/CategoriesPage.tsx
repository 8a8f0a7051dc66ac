import { Alert, Button, Card, Input, Select, Space, Table, Typography, message } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryNode } from '../../../shared/domain';
import { useCommand } from '../../db/commands';
import { useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { mergeCategoryEdits, type CategoryRow } from './category-edits';
import { useAllProducts, useCategories } from './data';

type Row = CategoryRow;

/** 商品分类: the category tree, edited as rows (code, names, parent) and saved whole by `category.save`. */
export default function CategoriesPage() {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const command = useCommand();
  const stored = useCategories();
  const products = useAllProducts();
  // Unsaved edits, apart from the stored tree: a pull that changes products or the tree while HQ
  // types must not wipe what was typed (it did, and the save button went grey under the cursor),
  // and the tree as stored now shows through every row HQ has not touched (category-edits.ts).
  const [draft, setDraft] = useState<{ base: Row[]; rows: Row[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const isHq = terminal?.siteKind === 'hq';

  // Before HQ first saves a tree, the codes products already use are its starting rows.
  const initial = useMemo((): Row[] | null => {
    if (stored === null || products === null) return null;
    const nodes: CategoryNode[] =
      stored.length > 0
        ? stored
        : [...new Set(products.map((product) => product.category))].sort().map((id) => ({
            id,
            name: t(`finance.categories.${id}`, { lng: 'zh-CN', defaultValue: id }),
            nameEn: t(`finance.categories.${id}`, { lng: 'en', defaultValue: id }),
          }));
    return nodes.map((node) => ({ ...node, key: node.id }));
  }, [stored, products, t]);
  const rows = useMemo(() => (draft && initial ? mergeCategoryEdits(draft.base, draft.rows, initial) : initial), [draft, initial]);
  // Each edit starts from what is shown and re-bases on the tree stored now.
  const edit = (change: (current: Row[]) => Row[]) => setDraft({ base: initial ?? [], rows: change(rows ?? []) });

  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const product of products ?? []) map.set(product.category, (map.get(product.category) ?? 0) + 1);
    return map;
  }, [products]);
  const patch = (key: string, change: Partial<Row>) =>
    edit((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const dirty = draft !== null && JSON.stringify(rows) !== JSON.stringify(initial);

  const save = async () => {
    if (!command || !rows) return;
    setBusy(true);
    setError(null);
    try {
      const categories = rows.map(({ key: _key, ...node }) => ({
        id: node.id.trim(),
        name: node.name.trim(),
        ...(node.nameEn?.trim() ? { nameEn: node.nameEn.trim() } : {}),
        ...(node.parentId ? { parentId: node.parentId } : {}),
      }));
      await command('category.save', { categories });
      setDraft(null);
      void message.success(t('masterData.saved'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="section-categories">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('masterData.categories.title')}
      </Typography.Title>
      {!isHq && <Alert type="info" showIcon message={t('masterData.hqOnly')} style={{ marginBottom: 16 }} />}
      <Card>
        <ErrorAlert error={error} testId="categories-error" />
        <Table<Row>
          size="small"
          rowKey="key"
          loading={rows === null}
          dataSource={rows ?? []}
          pagination={false}
          scroll={{ x: 620 }}
          data-testid="categories-table"
          columns={[
            {
              title: t('masterData.categories.id'),
              key: 'id',
              width: 120,
              render: (_, row) => (
                <Input
                  size="small"
                  value={row.id}
                  disabled={!isHq || counts.has(row.key)}
                  onChange={(e) => patch(row.key, { id: e.target.value })}
                />
              ),
            },
            {
              title: t('masterData.categories.name'),
              key: 'name',
              render: (_, row) => (
                <Input size="small" value={row.name} disabled={!isHq} onChange={(e) => patch(row.key, { name: e.target.value })} />
              ),
            },
            {
              title: t('masterData.categories.nameEn'),
              key: 'nameEn',
              render: (_, row) => (
                <Input
                  size="small"
                  value={row.nameEn ?? ''}
                  disabled={!isHq}
                  onChange={(e) => patch(row.key, { nameEn: e.target.value })}
                />
              ),
            },
            {
              title: t('masterData.categories.parent'),
              key: 'parent',
              width: 150,
              render: (_, row) => (
                <Select
                  size="small"
                  style={{ width: 130 }}
                  disabled={!isHq}
                  value={row.parentId ?? ''}
                  onChange={(value: string) => patch(row.key, { parentId: value || undefined })}
                  options={[
                    { value: '', label: t('masterData.categories.root') },
                    ...(rows ?? []).filter((other) => other.key !== row.key).map((other) => ({ value: other.id, label: other.name })),
                  ]}
                />
              ),
            },
            {
              title: t('masterData.categories.products'),
              key: 'count',
              width: 64,
              align: 'right',
              render: (_, row) => counts.get(row.id) ?? 0,
            },
            {
              title: '',
              key: 'remove',
              width: 48,
              render: (_, row) => (
                <Button
                  type="text"
                  danger
                  disabled={!isHq || counts.has(row.id)}
                  icon={<DeleteOutlined />}
                  aria-label={t('masterData.remove')}
                  onClick={() => edit((current) => current.filter((other) => other.key !== row.key))}
                />
              ),
            },
          ]}
        />
        {isHq && (
          <Space style={{ marginTop: 12 }} wrap>
            <Button
              icon={<PlusOutlined />}
              onClick={() => edit((current) => [...current, { key: crypto.randomUUID(), id: '', name: '' }])}
              data-testid="category-add"
            >
              {t('masterData.categories.add')}
            </Button>
            <Button type="primary" disabled={!dirty} loading={busy} onClick={() => void save()} data-testid="categories-save">
              {t('masterData.save')}
            </Button>
            {dirty && <Typography.Text type="warning">{t('masterData.categories.unsaved')}</Typography.Text>}
          </Space>
        )}
      </Card>
    </div>
  );
}
