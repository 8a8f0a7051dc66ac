// The roles a person can be given (issue 15): the built-in ones, read-only, and HQ's own, each a
// name and a set of permissions from the fixed list (config 'roles'; saving needs the right to
// manage people, checked by the executor and the endpoint).
import { Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { builtInRoleCodes, builtInRoles, permissions, type CustomRole, type Permission } from '../../../shared/domain';
import { useDialogCommand } from '../../db/commands';
import { ErrorAlert } from '../../ui/errors';

interface RoleRow {
  id: string;
  name: string;
  permissions: readonly Permission[];
  builtIn: boolean;
}

function RoleEditor({ role, custom, onClose }: { role: CustomRole | null; custom: readonly CustomRole[]; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; permissions: Permission[] }>();
  const { error, run } = useDialogCommand(onClose);
  const save = (values: { name: string; permissions: Permission[] }) => {
    const saved: CustomRole = {
      id: role?.id ?? `role-${crypto.randomUUID().slice(0, 8)}`,
      name: values.name.trim(),
      permissions: values.permissions,
    };
    const roles = role ? custom.map((existing) => (existing.id === role.id ? saved : existing)) : [...custom, saved];
    return run((command) => command('config.save', { key: 'roles', patch: { roles } }));
  };
  return (
    <Modal
      open
      title={role ? role.name : t('people.rolesCard.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'role-save' } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: role?.name ?? '', permissions: role?.permissions ?? [] }}
        onFinish={(values) => void save(values)}
      >
        <ErrorAlert error={error} testId="role-error" />
        <Form.Item
          name="name"
          label={t('people.rolesCard.name')}
          rules={[{ required: true, whitespace: true, message: t('masterData.editor.required') }]}
        >
          <Input data-testid="role-name" />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('people.rolesCard.permissions')}
          rules={[{ required: true, message: t('masterData.editor.required') }]}
        >
          <Checkbox.Group
            style={{ display: 'grid', gap: 6 }}
            options={permissions.map((permission) => ({ value: permission, label: t(`people.permissions.${permission}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RolesCard({ custom }: { custom: readonly CustomRole[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<CustomRole | 'new' | null>(null);
  const rows: RoleRow[] = [
    ...builtInRoleCodes.map((code) => ({ id: code, name: t(`people.roles.${code}`), permissions: builtInRoles[code], builtIn: true })),
    ...custom.map((role) => ({ ...role, builtIn: false })),
  ];
  return (
    <Card
      size="small"
      title={t('people.rolesCard.title')}
      style={{ marginTop: 16 }}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="role-add">
          {t('people.rolesCard.add')}
        </Button>
      }
    >
      <Table<RoleRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="roles-table"
        columns={[
          { title: t('people.rolesCard.name'), dataIndex: 'name', width: 160 },
          {
            title: t('people.rolesCard.permissions'),
            key: 'permissions',
            render: (_, row) =>
              row.permissions.length === permissions.length ? (
                <Tag color="gold">{t('people.rolesCard.all')}</Tag>
              ) : (
                row.permissions.map((permission) => <Tag key={permission}>{t(`people.permissions.${permission}`)}</Tag>)
              ),
          },
          {
            key: 'edit',
            width: 90,
            render: (_, row) =>
              row.builtIn ? (
                <Tag>{t('people.rolesCard.builtIn')}</Tag>
              ) : (
                <Space>
                  <Button size="small" onClick={() => setEditing(custom.find((role) => role.id === row.id) ?? null)}>
                    {t('people.page.edit')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {editing && <RoleEditor role={editing === 'new' ? null : editing} custom={custom} onClose={() => setEditing(null)} />}
    </Card>
  );
}
