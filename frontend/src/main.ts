// Wiring: the login form or the chat, one connection, and the views drawn from the chat's state.

import './style.css';
import { type Credentials, type RoomSummary, ApiError, listRooms, login, register } from './api';
import { Chat } from './chat';
import { Connection, socketUrl } from './connection';
import { clearCredentials, loadCredentials, onCredentialsChange, saveCredentials } from './credentials';
import { MentionAlerts } from './mention-alerts';
import type { Message } from './protocol';
import { mentions } from './text';
import { AlertSettingsView } from './views/alerts';
import { BannerView } from './views/banner';
import { ComposerView } from './views/composer';
import { byId } from './views/dom';
import { Favicon } from './views/favicon';
import { LoginView } from './views/login';
import { MembersView } from './views/members';
import { MessagePane } from './views/messages';
import { RoomListView } from './views/rooms';

/** The room list is asked for again at most this often, however much happens. */
const ROOM_LIST_MIN_INTERVAL_MS = 3_000;
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
const openRoom = (room: string) => {
  chat?.open(room);
  composer.focus();
  roomListSoon();
};
const roomList = new RoomListView(openRoom);
const pane = new MessagePane({
  loadOlder: () => void chat?.loadOlder(),
  retry: (clientMsgId) => chat?.retry(clientMsgId),
});
const composer = new ComposerView({
  send: (text) => {
    pane.showLatest();
    chat?.send(text);
  },
  typing: () => chat?.typingInput(),
  typingStop: () => chat?.typingStop(),
});
const members = new MembersView();
const favicon = new Favicon();
const alerts = new MentionAlerts(openRoom);
new AlertSettingsView(alerts);

const connection = new Connection(socketUrl(), () => credentials?.token ?? '', {
  online: (client) => {
    chat?.attach(client);
    roomListSoon();
  },
  lost: () => chat?.detach(),
  authFailed: () => sessionExpired(),
  state: (state) => banner.show(state),
});

leaveButton.addEventListener('click', () => {
  const room = chat?.rooms.active;
  if (room && confirm(`Leave #${room.name}? You can join it again from the room list.`)) chat?.leave(room.name);
});
byId('logout').addEventListener('click', () => {
  clearCredentials();
  logOutHere(null);
});
// A login or a logout in another tab of this browser counts here too.
onCredentialsChange((next) => {
  if (!next) {
    if (credentials) logOutHere('You were logged out in another tab.');
  } else if (next.token !== credentials?.token) startChat(next);
});
document.addEventListener('visibilitychange', () => {
  chat?.setVisible(document.visibilityState === 'visible');
  if (document.visibilityState === 'visible') roomListSoon();
});
window.addEventListener('focus', () => roomListSoon());

function startChat(next: Credentials): void {
  credentials = next;
  saveCredentials(next);
  // After an expired session the same user keeps the chat as it was, outbox included.
  if (chat?.me.id !== next.user.id) chat = new Chat(next.user, sessionStorage, scheduleRender, arrived);
  chat.setVisible(document.visibilityState === 'visible');
  if (chat.rooms.all().length === 0) chat.open(FIRST_ROOM);
  loginView.hide();
  chatScreen.hidden = false;
  connection.start();
  render();
  composer.focus();
}

function logOutHere(note: string | null): void {
  connection.stop();
  credentials = null;
  chat = null;
  favicon.show(0);
  document.title = 'jchat';
  showLogin(note);
}

/** A live message: someone may be talking to us, and the room list may have changed. */
function arrived(message: Message): void {
  if (chat && message.userId !== chat.me.id && mentions(message.text, chat.me.name)) alerts.alert(message);
  roomListSoon();
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

let roomListAskedAt = -Infinity;
let roomListTimer: ReturnType<typeof setTimeout> | undefined;

/** Asks for the room list now, or once the minimum interval has passed: one request per burst. */
function roomListSoon(): void {
  if (roomListTimer !== undefined) return;
  const wait = Math.max(0, roomListAskedAt + ROOM_LIST_MIN_INTERVAL_MS - Date.now());
  roomListTimer = setTimeout(() => {
    roomListTimer = undefined;
    roomListAskedAt = Date.now();
    void refreshRoomList();
  }, wait);
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
  const users = name && chat.online ? chat.presence.users(name) : null;
  composer.render(name, mentionable(chat, users));
  members.render(chat.me, users, name ? chat.typists.names(name) : []);
  const unread = chat.rooms.unread;
  document.title = unread > 0 ? `(${unread}) jchat` : 'jchat';
  favicon.show(unread);
}

/** Who can be mentioned in the room on screen: those online and those who wrote there. */
function mentionable(current: Chat, online: readonly { name: string }[] | null): string[] {
  const authors = current.rooms.active?.messages.map((message) => message.user) ?? [];
  const names = [...(online ?? []).map((user) => user.name), ...authors];
  return names.filter((name) => name !== current.me.name);
}

if (credentials) startChat(credentials);
else showLogin(null);
