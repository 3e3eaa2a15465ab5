/**
 * The cryptography of encrypted iOS backups: the keybag ({@link org.bridle.ios.backup.crypto.KeyBag}), the password
 * key derivation ({@link org.bridle.ios.backup.crypto.Pbkdf2}), class and file keys
 * ({@link org.bridle.ios.backup.crypto.ClassKeys}, {@link org.bridle.ios.backup.crypto.AesKeyWrap}) and content
 * decryption ({@link org.bridle.ios.backup.crypto.CbcDecryption}).
 */
package org.bridle.ios.backup.crypto;
