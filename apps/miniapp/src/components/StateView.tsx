import { Button, View } from '@tarojs/components';

interface Props {
  title: string;
  body?: string;
  actionText?: string;
  onAction?: () => void;
}

/** A whole-area message: loading, empty, error, or "please log in", with one clear action. */
export function StateView({ title, body, actionText, onAction }: Props) {
  return (
    <View className='zg-state'>
      <View className='zg-state-title'>{title}</View>
      {body ? <View className='zg-state-body'>{body}</View> : null}
      {actionText && onAction ? (
        <Button className='zg-btn zg-btn-ghost' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}
