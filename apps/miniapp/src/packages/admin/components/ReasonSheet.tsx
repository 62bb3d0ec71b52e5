import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { ApiRequestError } from '../../../api/client';
import { Sheet } from '../../../components/Sheet';
import './ReasonSheet.css';

const MAX = 300;

interface Props {
  title: string;
  /** What the text is, and who reads it, e.g. "驳回原因（企业会看到）". */
  label: string;
  required: boolean;
  placeholder?: string;
  /** Common reasons: a tap fills the box, the reviewer may still edit it. */
  presets?: readonly string[];
  submitText: string;
  /** Said when a required reason is missing (default: the employer will read it). */
  requiredMessage?: string;
  onClose: () => void;
  /** Sends the decision; a thrown ApiRequestError is shown in the sheet. */
  onSubmit: (text: string) => Promise<void>;
}

/** An admin decision that carries a reason: 驳回, 不通过, 举报处理. */
export function ReasonSheet({ title, label, required, placeholder, presets, submitText, requiredMessage, onClose, onSubmit }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const submit = async () => {
    const value = text.trim();
    if (required && !value) return setError(requiredMessage ?? '请写明原因，企业会看到它');
    setBusy(true);
    setError('');
    try {
      await onSubmit(value);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有提交成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet
      title={title}
      onClose={onClose}
      footer={
        <>
          {error ? <View className='zg-error rs-error'>{error}</View> : null}
          <Button
            className={busy ? 'zg-btn zg-btn-block rs-submit zg-btn-disabled' : 'zg-btn zg-btn-block rs-submit'}
            disabled={busy || undefined}
            onClick={() => void submit()}
          >
            {busy ? '正在提交…' : submitText}
          </Button>
        </>
      }
    >
      <View className='zg-label rs-label'>
        {label}
        {required ? null : <Text className='zg-optional'>可不填</Text>}
      </View>
      {presets && presets.length > 0 ? (
        <View className='zg-row-wrap rs-presets'>
          {presets.map((p) => (
            <View
              key={p}
              className='zg-chip rs-preset'
              onClick={() => {
                setText(p);
                setError('');
              }}
              aria-role='button'
            >
              {p}
            </View>
          ))}
        </View>
      ) : null}
      <Textarea
        className='zg-sheet-textarea rs-text'
        value={text}
        maxlength={MAX}
        placeholder={placeholder}
        onInput={(e) => {
          setText(e.detail.value);
          if (error) setError('');
        }}
      />
    </Sheet>
  );
}
