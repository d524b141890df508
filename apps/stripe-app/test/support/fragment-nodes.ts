import type { render } from '@stripe/ui-extension-sdk/testing';

type RootNode = ReturnType<typeof render>['wrapper'];

/** A component or text inside an element prop (`actions`, `primaryAction`, `trigger`) as remote-ui holds it. */
interface RemoteChild {
  type?: unknown;
  props?: Record<string, unknown>;
  children?: RemoteChild[];
  text?: string;
}

const textOf = (node: RemoteChild): string => node.text ?? (node.children ?? []).map(textOf).join('');

function* walk(node: RemoteChild): Generator<RemoteChild> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/**
 * Presses the `typeName` component (`Button`) labelled `label` inside an element prop: the SDK's `find` does not
 * look into those (they are remote fragments, not children), the dashboard renders them all the same.
 */
export function pressInProp(root: RootNode, fragment: unknown, typeName: string, label: string): void {
  const found = [...walk(fragment as RemoteChild)].find((n) => n.type === typeName && textOf(n) === label);
  const onPress = found?.props?.onPress;
  if (typeof onPress !== 'function') throw new Error(`no ${typeName} "${label}" to press in the prop`);
  root.act(() => onPress());
}

/** Props of the `typeName` component labelled `label` inside an element prop. */
export function propsInProp(
  fragment: unknown,
  typeName: string,
  label: string,
): Record<string, unknown> | undefined {
  return [...walk(fragment as RemoteChild)].find((n) => n.type === typeName && textOf(n) === label)?.props;
}
