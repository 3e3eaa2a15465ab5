/** The AndroidQF acquisition (folder or zip) as a source, with its nested bugreport and backup. */
package org.bridle.android.androidqf;
