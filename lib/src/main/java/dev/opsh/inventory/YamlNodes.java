package dev.opsh.inventory;

import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML document as SnakeYAML's nodes, which keep each value's line and column. This is what
 * {@code new Yaml().compose(reader)} does, without the object constructor and representer that
 * {@code Yaml} also builds and a node reader never uses: building them starts the JDK's logging
 * and its search of the whole class path for a logger, tens of milliseconds before the prompt.
 */
final class YamlNodes {
    private YamlNodes() {}

    /** The document's root node, or null for an empty document; a {@code MarkedYAMLException} names where it is malformed. */
    static Node compose(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        return new Composer(new ParserImpl(new StreamReader(reader), options), new Resolver(), options).getSingleNode();
    }
}
