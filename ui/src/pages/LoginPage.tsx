// "/login" — username and password; explains a wrong password (401) and a lock-out (429, with Retry-After).
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.js';
import { ApiError } from '../data/api-client.js';

export function loginMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return 'Wrong username or password.';
    if (err.status === 429) {
      const wait = err.retryAfterSec === undefined ? 'a while' : `${err.retryAfterSec} seconds`;
      return `Too many failed attempts from this address. Try again in ${wait}.`;
    }
    if (err.status === 0) return 'The netwatch api is not reachable.';
    return `Sign-in failed: ${err.message}`;
  }
  return `Sign-in failed: ${String(err)}`;
}

export function LoginPage() {
  const { api, refreshSession } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.login(username, password);
      await refreshSession(); // the app then returns to the page the user was going to
    } catch (err) {
      setError(loginMessage(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page-narrow">
      <h1>Sign in to netwatch</h1>
      <form className="login" onSubmit={(ev) => void submit(ev)}>
        <label className="field">
          <span className="field-label">Username</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            autoFocus
            onChange={(ev) => setUsername(ev.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(ev) => setPassword(ev.target.value)}
          />
        </label>
        {error !== undefined && <p className="notice notice-error" role="alert">{error}</p>}
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  );
}
