import { Form, Input, Modal, Select, message } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SITE_TIME_ZONE, ianaTimeZones, siteTimeZone } from '../../../shared/domain';
import { scaleLayoutPresets } from '../../../shared/ops/scan/scale-barcode';
import type { AdminSiteKind } from '../../../shared/protocol/admin';
import type { SiteDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { orgAdmin, type AdminConnection } from '../../sync/org-admin-api';
import { blamedField, describeAdminError } from './admin-hooks';

interface Values {
  id: string;
  name: string;
  kind: AdminSiteKind;
  timeZone: string;
  layouts?: string[];
}

interface Props {
  /** The site to edit; null for a new one. */
  site: SiteDoc | null;
  connection: AdminConnection;
  onClose(): void;
}

const KINDS: readonly AdminSiteKind[] = ['store', 'kitchen', 'hq'];

/** One zone list for every picker (≈ 420 names; building it costs a few ms). */
let zoneOptions: { value: string; label: string }[] | null = null;
function zones(): { value: string; label: string }[] {
  zoneOptions ??= ianaTimeZones().map((zone) => ({ value: zone, label: zone }));
  return zoneOptions;
}

/**
 * A site's name, zone and (for stores) scale barcode layouts. The name and zone are the
 * endpoint's (orgAdmin); the layouts live only in the site document, written by a command.
 */
export function SiteEditor({ site, connection, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const initial: Required<Values> = useMemo(
    () => ({
      id: site?.id ?? '',
      name: site?.name ?? '',
      kind: site?.kind ?? 'store',
      timeZone: site ? siteTimeZone(site) : DEFAULT_SITE_TIME_ZONE,
      layouts: [...(site?.scaleBarcodeLayouts ?? [])],
    }),
    [site],
  );
  const layoutOptions = useMemo(() => {
    const presets = scaleLayoutPresets.map((preset) => ({
      value: preset.pattern,
      label: i18n.language === 'zh-CN' ? preset.zh : preset.en,
    }));
    const custom = initial.layouts.filter((layout) => !presets.some((preset) => preset.value === layout));
    return [...presets, ...custom.map((layout) => ({ value: layout, label: layout }))];
  }, [i18n.language, initial.layouts]);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      if (site) await orgAdmin.updateSite(connection, site.id, { name: values.name, timeZone: values.timeZone });
      else await orgAdmin.createSite(connection, { id: values.id.trim(), name: values.name, kind: values.kind, timeZone: values.timeZone });
    } catch (error) {
      const field = blamedField(error);
      if (field && field in initial) form.setFields([{ name: field as keyof Values, errors: [describeAdminError(t, error)] }]);
      else void message.error(describeAdminError(t, error));
      setSaving(false);
      return;
    }
    // A field the form does not show (the layouts of a new site or of a kitchen) is not in `values`.
    const layouts = values.layouts ?? initial.layouts;
    const layoutsChanged = layouts.join() !== initial.layouts.join();
    if (site && layoutsChanged && command) {
      try {
        // Carries the new name and zone, so this local write agrees with what the endpoint now holds.
        await command('site.scale-layouts', {
          site: { ...site, name: values.name.trim(), timeZone: values.timeZone },
          layouts,
        });
      } catch (error) {
        void message.error(t('organisation.editor.layoutsSaveFailed', { message: error instanceof Error ? error.message : String(error) }));
      }
    }
    void message.success(t(site ? 'organisation.editor.saved' : 'organisation.editor.created', { name: values.name.trim() }));
    setSaving(false);
    onClose();
  };

  return (
    <Modal
      open
      title={site ? t('organisation.editor.editTitle', { name: site.name }) : t('organisation.editor.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
      data-testid="site-editor"
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(values) => void save(values)} requiredMark={false}>
        <Form.Item
          name="id"
          label={t('organisation.sites.id')}
          extra={t('organisation.editor.idHint')}
          rules={[{ required: true, message: t('organisation.errors.field.id') }]}
        >
          <Input disabled={site !== null} maxLength={64} data-testid="site-id" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('organisation.sites.name')}
          rules={[{ required: true, whitespace: true, message: t('organisation.errors.field.name') }]}
        >
          <Input maxLength={200} placeholder={t('organisation.editor.namePlaceholder')} data-testid="site-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('organisation.sites.kind')} extra={site ? t('organisation.editor.kindFixed') : undefined}>
          <Select
            disabled={site !== null}
            options={KINDS.map((value) => ({ value, label: t(`siteKinds.${value}`) }))}
            data-testid="site-kind"
          />
        </Form.Item>
        <Form.Item
          name="timeZone"
          label={t('organisation.sites.timeZone')}
          extra={t('organisation.editor.zoneHint')}
          rules={[{ required: true, message: t('organisation.errors.field.timeZone') }]}
        >
          <Select showSearch options={zones()} placeholder={t('organisation.editor.zonePlaceholder')} data-testid="site-zone" />
        </Form.Item>
        {site && (kind ?? initial.kind) === 'store' && (
          <Form.Item name="layouts" label={t('organisation.sites.layouts')} extra={t('organisation.editor.layoutsHint')}>
            <Select
              mode="multiple"
              options={layoutOptions}
              maxCount={8}
              placeholder={t('organisation.sites.defaultLayouts')}
              data-testid="site-layouts"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
