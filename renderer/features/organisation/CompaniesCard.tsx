// 多组织 (issue 17): HQ names the companies (legal entities) of the organisation, the partner that
// stands for each in the others' books, and which company each site belongs to — a franchise
// store is its own company. Saved in the organisation's 'companies' config; a site no company
// names is the organisation's own company's, so nothing changes until HQ says so.
import { Button, Card, Form, Input, Modal, Select, Table, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  companiesFrom,
  companyLabel,
  companyOf,
  isNamedCompany,
  MAIN_COMPANY_ID,
  type Companies,
  type Company,
} from '../../../shared/domain';
import type { ConfigDoc, PartnerDoc, SiteDoc } from '../../../shared/schemas';
import { useCommand, useDialogCommand } from '../../db/commands';
import { useRxQuery } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';

/** A new company, or `company` edited (the organisation's own one included: its name and partner). */
function CompanyEditor({
  company: editing,
  companies,
  partners,
  onClose,
}: {
  company: Company | null;
  companies: Companies;
  partners: PartnerDoc[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Omit<Company, 'id'>>();
  const { error, run } = useDialogCommand(onClose);
  const save = (values: Omit<Company, 'id'>) => {
    const company: Company = {
      id: editing?.id ?? `co-${crypto.randomUUID().slice(0, 8)}`,
      name: values.name.trim(),
      ...(values.nameEn?.trim() ? { nameEn: values.nameEn.trim() } : {}),
      ...(values.partnerId ? { partnerId: values.partnerId } : {}),
    };
    const others = companies.companies.filter((candidate) => candidate.id !== company.id);
    return run((command) => command('config.save', { key: 'companies', patch: { companies: [...others, company] } }));
  };
  return (
    <Modal
      open
      title={editing ? t('organisation.companies.edit') : t('organisation.companies.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'company-save' } as ButtonProps}
    >
      <ErrorAlert error={error} testId="company-error" />
      <Form<Omit<Company, 'id'>>
        form={form}
        layout="vertical"
        initialValues={editing && isNamedCompany(editing) ? editing : {}}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="name" label={t('organisation.companies.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={80} data-testid="company-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('organisation.companies.nameEn')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="partnerId" label={t('organisation.companies.partner')} extra={t('organisation.companies.partnerHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={partners.map((partner) => ({ value: partner.id, label: `${partner.code} ${partner.name}` }))}
            data-testid="company-partner"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CompaniesCard({ sites }: { sites: readonly SiteDoc[] }) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const config = useRxQuery<ConfigDoc>((db) => db.config.find({ selector: { key: 'companies' } }), []) ?? [];
  const partners = useRxQuery<PartnerDoc>((db) => db.partners.find(), []) ?? [];
  const companies = companiesFrom(config);
  const [editing, setEditing] = useState<Company | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const nameOf = (company: Company) => companyLabel(company, i18n.language, t('organisation.companies.main'));
  const assign = async (siteId: string, companyId: string) => {
    if (!command) return;
    setError(null);
    try {
      await command('config.save', { key: 'companies', patch: { sites: { ...companies.sites, [siteId]: companyId } } });
    } catch (caught) {
      setError(caught);
    }
  };
  const partnerName = (id: string | undefined) => partners.find((partner) => partner.id === id)?.name ?? '—';
  return (
    <Card
      title={t('organisation.companies.title')}
      style={{ marginTop: 16 }}
      data-testid="companies"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="company-add">
          {t('organisation.companies.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('organisation.companies.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} testId="companies-error" />
      <Table<Company>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={companies.companies}
        data-testid="companies-table"
        columns={[
          {
            title: t('organisation.companies.name'),
            key: 'name',
            render: (_, company) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(company)} data-testid={`company-edit-${company.id}`}>
                {nameOf(company)}
              </Button>
            ),
          },
          { title: t('organisation.companies.partner'), key: 'partner', render: (_, company) => partnerName(company.partnerId) },
          {
            title: t('organisation.companies.sites'),
            key: 'sites',
            render: (_, company) => (
              <Select
                mode="multiple"
                style={{ minWidth: 260 }}
                value={sites.filter((site) => companyOf(companies, site.id) === company.id).map((site) => site.id)}
                options={sites.map((site) => ({ value: site.id, label: i18n.language === 'en' && site.nameEn ? site.nameEn : site.name }))}
                onSelect={(siteId: string) => void assign(siteId, company.id)}
                onDeselect={(siteId: string) => void assign(siteId, MAIN_COMPANY_ID)}
                data-testid={`company-sites-${company.id}`}
              />
            ),
          },
        ]}
      />
      {editing && (
        <CompanyEditor
          company={editing === 'new' ? null : editing}
          companies={companies}
          partners={partners}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
