// Adds Testing Library's DOM matchers (toBeInTheDocument, ...) to expect; harmless in node tests.
import "@testing-library/jest-dom";
