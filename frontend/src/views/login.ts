// The register / log in form. Problems are shown next to the field they concern.

import { ApiError } from '../api';
import { passwordProblem, usernameProblem } from '../text';
import { byId, fieldError } from './dom';

export type LoginAction = 'login' | 'register';

export class LoginView {
  readonly #screen = byId('login-screen');
  readonly #form = byId<HTMLFormElement>('login-form');
  readonly #note = byId('login-note');
  readonly #username = byId<HTMLInputElement>('username');
  readonly #password = byId<HTMLInputElement>('password');
  readonly #usernameError = byId('username-error');
  readonly #passwordError = byId('password-error');
  readonly #formError = byId('form-error');

  constructor(private readonly submit: (action: LoginAction, username: string, password: string) => Promise<void>) {
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      void this.#send(submitter?.value === 'register' ? 'register' : 'login');
    });
  }

  /** `note` explains why the form is back, e.g. an expired session. */
  show(note: string | null, username = ''): void {
    this.#note.textContent = note ?? '';
    this.#note.hidden = note === null;
    if (username) this.#username.value = username;
    this.#password.value = '';
    this.#screen.hidden = false;
    (username ? this.#password : this.#username).focus();
  }

  hide(): void {
    this.#screen.hidden = true;
    this.#password.value = '';
  }

  async #send(action: LoginAction): Promise<void> {
    const username = this.#username.value.trim();
    const password = this.#password.value;
    const ok = this.#show({
      username: action === 'register' ? usernameProblem(username) : username ? null : 'Enter your username.',
      password: action === 'register' ? passwordProblem(password) : password ? null : 'Enter your password.',
    });
    if (!ok) return;
    this.#busy(true);
    try {
      await this.submit(action, username, password);
    } catch (error) {
      this.#show(problemsOf(error));
    } finally {
      this.#busy(false);
    }
  }

  /** Shows the problems (clearing the others), focuses the first field with one; true when none. */
  #show(problems: { username?: string | null; password?: string | null; form?: string | null }): boolean {
    fieldError(this.#username, this.#usernameError, problems.username ?? null);
    fieldError(this.#password, this.#passwordError, problems.password ?? null);
    this.#formError.textContent = problems.form ?? '';
    if (problems.username) this.#username.focus();
    else if (problems.password) this.#password.focus();
    return !problems.username && !problems.password && !problems.form;
  }

  #busy(busy: boolean): void {
    this.#form.querySelectorAll('button').forEach((button) => (button.disabled = busy));
    this.#form.setAttribute('aria-busy', String(busy));
  }
}

function problemsOf(error: unknown): { username?: string; password?: string; form?: string } {
  if (!(error instanceof ApiError)) return { form: 'Something went wrong. Please try again.' };
  switch (error.status) {
    case 409:
      return { username: 'This name is taken. Pick another one.' };
    case 401:
      return { password: 'Wrong username or password.' };
    case 429:
      return { form: 'Too many failed attempts. Wait a minute, then try again.' };
    default:
      return { form: error.message };
  }
}
