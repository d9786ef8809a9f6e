export async function render(_o: unknown, _io: unknown): Promise<number> { throw new Error('render: under arbete'); }
