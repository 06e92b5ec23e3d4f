import { configure } from '@testing-library/preact';

// findBy*/waitFor give up after 1 s by default, which a first render on a busy 2-core CI
// machine can miss; they still resolve as soon as the element appears.
configure({ asyncUtilTimeout: 10_000 });
