// Who is online in the room on screen, and who of them is typing.

import type { User } from '../protocol';
import { typingText } from '../typing';
import { avatar } from './avatar';
import { byId, el } from './dom';

export class MembersView {
  readonly #title = byId('members-title');
  readonly #list = byId<HTMLUListElement>('member-list');
  readonly #typing = byId('typing');

  /** `users` is null while disconnected: then nobody is known to be online. */
  render(me: User, users: readonly User[] | null, typists: readonly string[]): void {
    this.#title.textContent = users ? `Online (${users.length})` : 'Online: unknown while offline';
    this.#list.replaceChildren(
      ...(users ?? []).map((user) =>
        el(
          'li',
          { class: user.id === me.id ? 'member own' : 'member' },
          avatar(user),
          el('span', { text: user.id === me.id ? `${user.name} (you)` : user.name }),
        ),
      ),
    );
    this.#typing.textContent = typingText(typists);
  }
}
