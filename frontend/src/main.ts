// Wiring: the login form or the chat, one connection, and the views drawn from the chat's state.

import './style.css';
import { type Credentials, type RoomSummary, ApiError, listRooms, login, register } from './api';
import { Chat } from './chat';
import { Connection, socketUrl } from './connection';
import { clearCredentials, loadCredentials, saveCredentials } from './credentials';
import { BannerView } from './views/banner';
import { ComposerView } from './views/composer';
import { byId } from './views/dom';
import { LoginView } from './views/login';
import { MembersView } from './views/members';
import { MessagePane } from './views/messages';
import { RoomListView } from './views/rooms';

const ROOM_LIST_REFRESH_MS = 30_000;
const FIRST_ROOM = 'general';

let credentials: Credentials | null = loadCredentials();
let chat: Chat | null = null;
let otherRooms: RoomSummary[] = [];

const chatScreen = byId('chat-screen');
const roomTitle = byId('room-title');
const meLabel = byId('me');
const leaveButton = byId<HTMLButtonElement>('leave-room');

const loginView = new LoginView(async (action, username, password) => {
  startChat(await (action === 'register' ? register(username, password) : login(username, password)));
});
const banner = new BannerView(() => connection.retryNow());
const roomList = new RoomListView((room) => {
  chat?.open(room);
  composer.focus();
});
const pane = new MessagePane({
  loadOlder: () => void chat?.loadOlder(),
  retry: (clientMsgId) => chat?.retry(clientMsgId),
});
const composer = new ComposerView({
  send: (text) => chat?.send(text),
  typing: () => chat?.typingInput(),
  typingStop: () => chat?.typingStop(),
});
const members = new MembersView();

const connection = new Connection(socketUrl(), () => credentials?.token ?? '', {
  online: (client) => {
    chat?.attach(client);
    void refreshRoomList();
  },
  lost: () => chat?.detach(),
  authFailed: () => sessionExpired(),
  state: (state) => banner.show(state),
});

leaveButton.addEventListener('click', () => {
  const room = chat?.rooms.active;
  if (room) chat?.leave(room.name);
});
byId('logout').addEventListener('click', () => {
  connection.stop();
  clearCredentials();
  credentials = null;
  chat = null;
  showLogin(null);
});
setInterval(() => void refreshRoomList(), ROOM_LIST_REFRESH_MS);

function startChat(next: Credentials): void {
  credentials = next;
  saveCredentials(next);
  // After an expired session the same user keeps the chat as it was, outbox included.
  if (chat?.me.id !== next.user.id) chat = new Chat(next.user, sessionStorage, scheduleRender);
  if (chat.rooms.all().length === 0) chat.open(FIRST_ROOM);
  loginView.hide();
  chatScreen.hidden = false;
  connection.start();
  render();
  composer.focus();
}

function sessionExpired(): void {
  const name = credentials?.user.name ?? '';
  clearCredentials();
  credentials = null;
  showLogin('Your session has expired. Log in again; messages you have not sent yet are kept.', name);
}

function showLogin(note: string | null, username = ''): void {
  chatScreen.hidden = true;
  banner.hide();
  loginView.show(note, username);
}

async function refreshRoomList(): Promise<void> {
  if (!credentials || !chat?.online) return;
  try {
    otherRooms = await listRooms(credentials.token);
    scheduleRender();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      connection.stop();
      sessionExpired();
    }
  }
}

let renderQueued = false;

/** Many changes in one event (a history page, say) are drawn once. */
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  queueMicrotask(() => {
    renderQueued = false;
    render();
  });
}

function render(): void {
  if (!chat) return;
  const room = chat.rooms.active;
  const name = room?.name ?? null;
  roomTitle.textContent = name ? `# ${name}` : 'No room';
  meLabel.textContent = chat.me.name;
  leaveButton.hidden = !room;
  roomList.render(chat.rooms.all(), name, otherRooms);
  pane.render(chat.me, room, name ? chat.outbox.inRoom(name) : [], chat.online);
  composer.render(name);
  members.render(chat.me, name ? chat.presence.users(name) : [], name ? chat.typists.names(name) : []);
  const unread = chat.rooms.all().reduce((sum, each) => sum + each.unread, 0);
  document.title = unread > 0 ? `(${unread}) jchat` : 'jchat';
}

if (credentials) startChat(credentials);
else showLogin(null);
