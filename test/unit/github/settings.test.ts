import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isApiUrl, mayCarryToken, readSidebarSettings } from '../../../client/src/views/settings';

describe('sep.github.* settings', () => {
  it('defaults for missing or mistyped values', () => {
    assert.deepEqual(readSidebarSettings({ repository: undefined, apiUrl: 42, autoRefreshMinutes: 'often' }), {
      repository: 'modelcontextprotocol/modelcontextprotocol',
      apiUrl: 'https://api.github.com',
      autoRefreshMinutes: 0,
    });
  });

  it('trims, drops a trailing slash, and clamps auto-refresh to at least a minute', () => {
    assert.deepEqual(readSidebarSettings({ repository: ' o/r ', apiUrl: 'https://ghe.example.com/api/v3/', autoRefreshMinutes: 0.1 }), {
      repository: 'o/r',
      apiUrl: 'https://ghe.example.com/api/v3',
      autoRefreshMinutes: 1,
    });
    assert.equal(readSidebarSettings({ repository: 'o/r', apiUrl: '', autoRefreshMinutes: -5 }).autoRefreshMinutes, 0);
  });

  it('the token goes only over https or to this machine', () => {
    assert.equal(mayCarryToken('https://api.github.com'), true);
    assert.equal(mayCarryToken('http://127.0.0.1:8787'), true);
    assert.equal(mayCarryToken('http://localhost:1'), true);
    assert.equal(mayCarryToken('http://ghe.example.com/api/v3'), false);
    assert.equal(mayCarryToken('not a url'), false);
  });

  it('the API URL must be http(s)', () => {
    assert.equal(isApiUrl('https://api.github.com'), true);
    assert.equal(isApiUrl('file:///etc/passwd'), false);
    assert.equal(isApiUrl('api.github.com'), false);
  });
});
