import 'vitest';

// The SDK's testing entry adds these matchers to the global `expect` and types them for Jest only.
declare module 'vitest' {
  interface Assertion<T = unknown> {
    toContainText(text: string): T;
    toContainComponent(type: unknown, props?: Record<string, unknown>): T;
    toContainComponentTimes(type: unknown, times: number, props?: Record<string, unknown>): T;
    toHaveProps(props: Record<string, unknown>): T;
  }
}
