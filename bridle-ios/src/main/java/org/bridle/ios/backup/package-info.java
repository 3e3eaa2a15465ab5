/**
 * The iOS backup source: Manifest.db domains mapped to device paths; encrypted backups are decrypted as they are read
 * (the cryptography is in {@code org.bridle.ios.backup.crypto}), and {@code decrypt-backup}'s copy is written here.
 */
package org.bridle.ios.backup;
