// Who is online in the room on screen, and who of them is typing.

import type { User } from '../protocol';
import { typingText } from '../typing';
import { byId, el } from './dom';

export class MembersView {
  readonly #title = byId('members-title');
  readonly #list = byId<HTMLUListElement>('member-list');
  readonly #typing = byId('typing');

  render(me: User, users: readonly User[], typists: readonly string[]): void {
    this.#title.textContent = `Online (${users.length})`;
    this.#list.replaceChildren(
      ...users.map((user) =>
        el(
          'li',
          { class: user.id === me.id ? 'member own' : 'member' },
          el('span', { class: 'dot', attrs: { 'aria-hidden': 'true' } }),
          el('span', { text: user.id === me.id ? `${user.name} (you)` : user.name }),
        ),
      ),
    );
    this.#typing.textContent = typingText(typists);
  }
}
