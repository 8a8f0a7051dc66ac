import { Input, type InputRef } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { forwardRef, memo, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ScanInputHandle {
  focus(): void;
}

interface ScanInputProps {
  /** Called with the scanned or typed text when Enter arrives (USB scanners type, then Enter). */
  onScan(text: string): void;
  placeholder?: string;
  autoFocus?: boolean;
  testId?: string;
  disabled?: boolean;
}

/**
 * Where the next scan goes. A keyboard-wedge scanner types the code and presses Enter; the field
 * clears itself and keeps focus, so the clerk can scan the next item without touching the mouse.
 */
export const ScanInput = memo(
  forwardRef<ScanInputHandle, ScanInputProps>(function ScanInput(
    { onScan, placeholder, autoFocus = true, testId = 'scan-input', disabled },
    ref,
  ) {
    const { t } = useTranslation();
    const [value, setValue] = useState('');
    const input = useRef<InputRef>(null);
    useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);
    return (
      <Input
        ref={input}
        size="large"
        prefix={<ScanOutlined />}
        value={value}
        disabled={disabled}
        autoFocus={autoFocus}
        data-testid={testId}
        placeholder={placeholder ?? t('ui.scan.placeholder')}
        onChange={(event) => setValue(event.target.value)}
        onPressEnter={() => {
          const text = value.trim();
          setValue('');
          if (text) onScan(text);
        }}
      />
    );
  }),
);
