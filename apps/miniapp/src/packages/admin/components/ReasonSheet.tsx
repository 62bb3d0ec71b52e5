import type { ReactNode } from 'react';
import { ConfirmSheet } from '../../../components/ConfirmSheet';

interface Props {
  title: string;
  /** What the decision does, in plain words, above the box. */
  children?: ReactNode;
  /** What the text is, and who reads it, e.g. "驳回原因（企业会看到）". */
  label: string;
  required: boolean;
  placeholder?: string;
  /** Common reasons: a tap fills the box, the reviewer may still edit it. */
  presets?: readonly string[];
  submitText: string;
  /** Said when a required reason is missing (default: the employer will read it). */
  requiredMessage?: string;
  /** The API's shortest and longest accepted reason (default 1 and 200). */
  minLength?: number;
  maxLength?: number;
  /** Red: an act that takes something away (撤销认证, 停用). */
  danger?: boolean;
  onClose: () => void;
  /** Sends the decision; a thrown ApiRequestError is shown in the sheet. */
  onSubmit: (text: string) => Promise<void>;
}

/** An admin decision that carries a reason (驳回, 不通过, 撤销认证, 举报处理, 停用): the shared ConfirmSheet with a reason box. */
export function ReasonSheet({ title, children, label, required, placeholder, presets, submitText, requiredMessage, minLength, maxLength = 200, danger, onClose, onSubmit }: Props) {
  return (
    <ConfirmSheet
      title={title}
      field={{ label, required, placeholder, presets, minLength, maxLength, requiredMessage: requiredMessage ?? '请写明原因，企业会看到它' }}
      submitText={submitText}
      cancelText='取消'
      danger={danger}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      {children}
    </ConfirmSheet>
  );
}
