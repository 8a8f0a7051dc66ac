import { Input } from 'antd';
import { useState } from 'react';

/** A short reason (e.g. for taking a later batch first), committed on Enter or when focus leaves. */
export function ReasonInput({
  value,
  onCommit,
  autoFocus,
  placeholder,
  testId = 'fifo-reason',
  onEnter,
}: {
  value: string;
  onCommit(reason: string): void;
  autoFocus: boolean;
  placeholder: string;
  testId?: string;
  /** After Enter commits: where the next scan goes. */ onEnter?: () => void;
}) {
  const [text, setText] = useState(value);
  return (
    <Input
      size="small"
      autoFocus={autoFocus}
      value={text}
      // The document line keeps 200 characters (fifoOverrideReason); the endpoint refuses more.
      maxLength={200}
      placeholder={placeholder}
      data-testid={testId}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => onCommit(text.trim())}
      onPressEnter={() => {
        onCommit(text.trim());
        onEnter?.();
      }}
      style={{ minWidth: 220 }}
    />
  );
}
