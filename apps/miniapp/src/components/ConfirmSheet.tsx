import { useState, type ReactNode } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { validateIdNumber } from '@zaogong/shared';
import { ApiRequestError } from '../api/client';
import { Sheet } from './Sheet';
import './ConfirmSheet.css';

export interface ConfirmSheetField {
  /** What to write, and who reads it, e.g. "不予办理的原因（本人会看到）". */
  label: string;
  required: boolean;
  /** The API's shortest accepted text (e.g. 4 for a reason), checked here first. */
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
  /** Common answers: a tap fills the box, and it may still be edited. */
  presets?: readonly string[];
  /** Said when the text is missing or too short. */
  requiredMessage: string;
  /** A one-line box instead of the text area: 'idcard' for a 身份证号 (the phone's ID keyboard). */
  line?: 'text' | 'idcard';
  /** Checks the text before it is sent: the problem in plain words, or null. */
  check?: (text: string) => string | null;
}

/** A 身份证号 asked in the sheet (a hire's confirmation when the record has none yet), checked as typed. */
export function idNumberField(label: string): ConfirmSheetField {
  return {
    label,
    required: true,
    line: 'idcard',
    maxLength: 18,
    placeholder: '18位身份证号',
    requiredMessage: '请填上身份证号',
    check: (v) => {
      const id = validateIdNumber(v);
      return id.ok ? null : id.message;
    },
  };
}

interface Props {
  title: string;
  /** What will happen, in plain words, above the box. */
  children?: ReactNode;
  /** A text box for a reason or a note; none when the sheet only asks to confirm. */
  field?: ConfirmSheetField;
  submitText: string;
  /** Red: something that cannot be undone (注销, 删除). */
  danger?: boolean;
  cancelText?: string;
  onClose: () => void;
  /** Sends the decision; a thrown ApiRequestError is shown in the sheet. */
  onSubmit: (text: string) => Promise<void>;
}

/**
 * The confirm step of an act that cannot be undone, or that needs a reason: the words first, then
 * (optionally) the reason, then 再想想 and the act side by side. 大字模式 applies (unlike showModal).
 */
export function ConfirmSheet({ title, children, field, submitText, danger, cancelText = '再想想', onClose, onSubmit }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const submit = async () => {
    if (busy) return;
    const value = text.trim();
    if (field && ((field.required && !value) || (value && value.length < (field.minLength ?? 1)))) {
      setError(field.requiredMessage);
      return;
    }
    const problem = field?.check && value ? field.check(value) : null;
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError('');
    try {
      await onSubmit(value);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有办成，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  const submitClass = ['zg-btn', danger ? 'cs-danger' : '', 'cs-submit', busy ? 'zg-btn-disabled' : ''].filter(Boolean).join(' ');
  return (
    <Sheet
      title={title}
      onClose={onClose}
      footer={
        <>
          {error ? <View className='zg-error cs-error'>{error}</View> : null}
          <View className='zg-sheet-buttons'>
            <Button className='zg-btn zg-btn-ghost cs-cancel' onClick={onClose}>
              {cancelText}
            </Button>
            <Button className={submitClass} disabled={busy || undefined} onClick={() => void submit()}>
              {busy ? '正在办理…' : submitText}
            </Button>
          </View>
        </>
      }
    >
      {children ? <View className='cs-body'>{children}</View> : null}
      {field ? (
        <View className='cs-field'>
          <View className='zg-label'>
            {field.label}
            {field.required ? null : <Text className='zg-optional'>可不填</Text>}
          </View>
          {field.presets && field.presets.length > 0 ? (
            <View className='zg-row-wrap cs-presets'>
              {field.presets.map((p) => (
                <View
                  key={p}
                  className='zg-chip cs-preset'
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
          {field.line ? (
            <Input
              className='zg-input cs-line'
              type={field.line}
              value={text}
              maxlength={field.maxLength ?? 200}
              placeholder={field.placeholder}
              onInput={(e) => {
                setText(e.detail.value);
                if (error) setError('');
              }}
            />
          ) : (
            <Textarea
              className='zg-sheet-textarea cs-text'
              value={text}
              maxlength={field.maxLength ?? 200}
              placeholder={field.placeholder}
              onInput={(e) => {
                setText(e.detail.value);
                if (error) setError('');
              }}
            />
          )}
        </View>
      ) : null}
    </Sheet>
  );
}
