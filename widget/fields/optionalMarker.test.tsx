import { cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInWidget } from '../testing/renderInWidget';
import { TextField } from './TextField';

afterEach(cleanup);

const labelText = () => document.querySelector('label')?.textContent;

describe('the optional marker after a label', () => {
  it('follows a full-width bracket without an ASCII space in ja-JP and zh-CN', async () => {
    await renderInWidget(
      <TextField id="x" label="住所" value="" optional onInput={() => {}} />,
      'ja-JP',
    );
    expect(labelText()).toBe('住所（任意）');
    cleanup();
    await renderInWidget(
      <TextField id="x" label="地址" value="" optional onInput={() => {}} />,
      'zh-CN',
    );
    expect(labelText()).toBe('地址（选填）');
  });

  it('keeps the space before half-width brackets', async () => {
    await renderInWidget(<TextField id="x" label="City" value="" optional onInput={() => {}} />);
    expect(labelText()).toBe('City (optional)');
  });
});
