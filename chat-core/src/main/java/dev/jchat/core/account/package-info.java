/** Public API: registration and login ({@link dev.jchat.core.account.AccountService}), as the HTTP API offers them. */
package dev.jchat.core.account;
