import { Button, Drawer, Form, Input, Select, Space, Switch, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDraft } from '../../../shared/commands';
import { hashPin } from '../../../shared/domain';
import type { PersonDoc, SiteDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { ErrorAlert } from '../../ui/errors';

/** A person as the people table shows them: their accounts folded together. */
export type PersonRow = PersonDoc & { siteIds: string[]; hasPin: boolean };

interface PersonForm {
  name: string;
  nameEn?: string;
  code?: string;
  siteIds: string[];
  roles: string[];
  pin?: string;
  active: boolean;
}

export function PersonEditor(props: {
  person: PersonRow | null;
  sites: readonly SiteDoc[];
  roles: readonly string[];
  roleName(role: string): string;
  siteName(id: string): string;
  firstPerson: boolean;
  onClose(): void;
}) {
  const { person, onClose } = props;
  const { t } = useTranslation();
  const command = useCommand();
  const [form] = Form.useForm<PersonForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const save = async (values: PersonForm) => {
    if (!command) return;
    setError(null);
    setSaving(true);
    try {
      const pin = values.pin?.trim();
      const draft: PersonDraft = {
        ...(person ? { personId: person.personId } : {}),
        name: values.name,
        ...(values.nameEn?.trim() ? { nameEn: values.nameEn.trim() } : {}),
        ...(values.code?.trim() ? { code: values.code.trim() } : {}),
        siteIds: values.siteIds,
        roles: values.roles,
        active: values.active,
        ...(pin ? { pinHash: await hashPin(pin) } : {}),
      };
      await command('person.save', { person: draft });
      void message.success(t('people.page.saved', { name: draft.name }));
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, message: t('masterData.editor.required') }];
  const hqSite = props.sites.find((site) => site.kind === 'hq');
  // HQ's site may arrive by sync after the editor opened (a terminal paired a moment ago).
  const hqSiteId = hqSite?.id;
  useEffect(() => {
    if (!person && props.firstPerson && hqSiteId && !(form.getFieldValue('siteIds') as string[] | undefined)?.length)
      form.setFieldValue('siteIds', [hqSiteId]);
  }, [person, props.firstPerson, hqSiteId, form]);
  const initial: PersonForm = person
    ? {
        name: person.name,
        nameEn: person.nameEn ?? '',
        code: person.code ?? '',
        siteIds: person.siteIds,
        roles: person.roles,
        active: person.active,
      }
    : {
        name: '',
        siteIds: props.firstPerson && hqSite ? [hqSite.id] : [],
        roles: props.firstPerson ? ['hq-admin'] : ['clerk'],
        active: true,
      };
  return (
    <Drawer
      open
      width="min(560px, 100vw)"
      title={person ? person.name : t('people.page.add')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('people.page.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="person-save">
            {t('people.page.save')}
          </Button>
        </Space>
      }
    >
      <Form<PersonForm> form={form} layout="vertical" initialValues={initial} onFinish={(values) => void save(values)}>
        <ErrorAlert error={error} testId="person-error" />
        <Space wrap align="start">
          <Form.Item
            name="name"
            label={t('people.page.name')}
            rules={[{ required: true, whitespace: true, message: t('masterData.editor.required') }]}
          >
            <Input style={{ width: 220 }} data-testid="person-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('people.page.nameEn')}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="code" label={t('people.page.code')}>
            <Input style={{ width: 100 }} data-testid="person-code" />
          </Form.Item>
        </Space>
        <Form.Item name="siteIds" label={t('people.page.sites')} rules={required}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            data-testid="person-sites"
            options={props.sites.filter((site) => site.active).map((site) => ({ value: site.id, label: props.siteName(site.id) }))}
          />
        </Form.Item>
        <Form.Item name="roles" label={t('people.page.roles')} rules={required}>
          <Select
            mode="multiple"
            data-testid="person-roles"
            options={props.roles.map((role) => ({ value: role, label: props.roleName(role) }))}
          />
        </Form.Item>
        <Form.Item
          name="pin"
          label={t('people.page.newPin')}
          extra={person?.hasPin ? t('people.page.keepPin') : undefined}
          rules={[
            { pattern: /^[0-9]{4,6}$/, message: t('people.page.newPin') },
            ...(person?.hasPin ? [] : [{ required: true, message: t('people.page.newPin') }]),
          ]}
        >
          <Input.Password inputMode="numeric" maxLength={6} autoComplete="new-password" style={{ width: 180 }} data-testid="person-pin" />
        </Form.Item>
        <Form.Item name="active" label={t('people.page.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
