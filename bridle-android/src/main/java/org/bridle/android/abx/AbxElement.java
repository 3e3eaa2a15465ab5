package org.bridle.android.abx;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a binary XML document.
 *
 * @param name the tag name
 * @param attributes the attributes in document order, each value as text XML would write it (numbers in decimal,
 *     or hexadecimal for the hex types, booleans as {@code true}/{@code false}, bytes as hex or base64); an
 *     attribute written as null is left out
 * @param children the child elements in order
 * @param text the element's text (text, CDATA and whitespace tokens joined), empty when it has none
 */
public record AbxElement(String name, Map<String, String> attributes, List<AbxElement> children, String text) {

    /** The value of an attribute, when the element has it. */
    public Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    /** Every element named {@code tag} in this element's subtree, this one included, in document order. */
    public List<AbxElement> descendants(String tag) {
        List<AbxElement> found = new java.util.ArrayList<>();
        collect(this, tag, found);
        return found;
    }

    private static void collect(AbxElement element, String tag, List<AbxElement> found) {
        if (element.name.equals(tag)) {
            found.add(element);
        }
        element.children.forEach(child -> collect(child, tag, found));
    }
}
