/** Public API: the in-process implementations of the ports, the defaults of every builder. */
package dev.jchat.core.local;
