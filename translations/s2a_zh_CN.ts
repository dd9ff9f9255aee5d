<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccompanyDialog</name>
        <message>
            <source>Lead melody</source>
            <translation>主旋律</translation>
        </message>
        <message>
            <source>Vocals</source>
            <translation>人声</translation>
        </message>
        <message>
            <source>Guitar</source>
            <translation>吉他</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>键盘</translation>
        </message>
        <message>
            <source>Bass</source>
            <translation>贝斯</translation>
        </message>
        <message>
            <source>Strings</source>
            <translation>弦乐</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Accompany a Recording</source>
            <translation>为录音配伴奏</translation>
        </message>
        <message>
            <source>Recording</source>
            <translation>录音</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>未选择文件</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>It plays</source>
            <translation>它演奏的是</translation>
        </message>
        <message>
            <source>a tune (a voice, a lead): find chords that fit it</source>
            <translation>一段旋律（人声、主奏）：找出与之相配的和弦</translation>
        </message>
        <message>
            <source>the chords (a guitar, a piano): follow them</source>
            <translation>和弦（吉他、钢琴）：跟随这些和弦</translation>
        </message>
        <message>
            <source>Track</source>
            <translation>音轨</translation>
        </message>
        <message>
            <source>The band</source>
            <translation>乐队</translation>
        </message>
        <message>
            <source>e.g. soul with rhodes, bass and brushed drums</source>
            <translation>例如：灵魂乐，带电钢琴、贝斯和鼓刷</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>new each time</source>
            <translation>每次都新</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Accompany</source>
            <translation>配伴奏</translation>
        </message>
        <message>
            <source>Choose a recording to accompany</source>
            <translation>选择要配伴奏的录音</translation>
        </message>
        <message>
            <source>Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)</source>
            <translation>音频 (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>ChordLane</name>
        <message>
            <source>Change Chord…</source>
            <translation>更改和弦…</translation>
        </message>
        <message>
            <source>Chords of the Key</source>
            <translation>调内和弦</translation>
        </message>
        <message>
            <source>New Change Here</source>
            <translation>在此新建和弦变化</translation>
        </message>
        <message>
            <source>Remove Change</source>
            <translation>删除和弦变化</translation>
        </message>
        <message>
            <source>Add %1 Here</source>
            <translation>在此添加 %1</translation>
        </message>
    </context>
    <context>
        <name>EditorView</name>
        <message>
            <source>Sections</source>
            <translation>段落</translation>
        </message>
        <message>
            <source>No tracks yet: generate a song (File &gt; New…) or import audio (Ctrl+I).</source>
            <translation>还没有音轨：生成一首歌曲（文件 &gt; 新建…）或导入音频（Ctrl+I）。</translation>
        </message>
        <message>
            <source>Markers</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Add a marker at the playhead (Ctrl+M)</source>
            <translation>在播放头处添加标记（Ctrl+M）</translation>
        </message>
        <message>
            <source>Chords</source>
            <translation>和弦</translation>
        </message>
    </context>
    <context>
        <name>EngineChoices</name>
        <message>
            <source>Arranger (procedural)</source>
            <translation>编曲器（程序化）</translation>
        </message>
        <message>
            <source>Diffusion</source>
            <translation>扩散模型</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Stems and mix</source>
            <translation>分轨和混音</translation>
        </message>
        <message>
            <source>Mix only</source>
            <translation>仅混音</translation>
        </message>
        <message>
            <source>Each section (stems and mix)</source>
            <translation>每个段落（分轨和混音）</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>FLAC 16-bit</source>
            <translation>FLAC 16 位</translation>
        </message>
        <message>
            <source>FLAC 24-bit</source>
            <translation>FLAC 24 位</translation>
        </message>
        <message>
            <source>WAV 16-bit</source>
            <translation>WAV 16 位</translation>
        </message>
        <message>
            <source>WAV 24-bit</source>
            <translation>WAV 24 位</translation>
        </message>
        <message>
            <source>WAV 32-bit float</source>
            <translation>WAV 32 位浮点</translation>
        </message>
        <message>
            <source>OGG Vorbis</source>
            <translation>OGG Vorbis</translation>
        </message>
        <message>
            <source>Sample rate</source>
            <translation>采样率</translation>
        </message>
        <message>
            <source>Song's rate</source>
            <translation>歌曲的采样率</translation>
        </message>
        <message>
            <source>Loudness</source>
            <translation>响度</translation>
        </message>
        <message>
            <source>As mixed</source>
            <translation>保持混音原样</translation>
        </message>
        <message>
            <source>-14 LUFS (streaming)</source>
            <translation>-14 LUFS（流媒体）</translation>
        </message>
        <message>
            <source>-16 LUFS</source>
            <translation>-16 LUFS</translation>
        </message>
        <message>
            <source>-23 LUFS (broadcast)</source>
            <translation>-23 LUFS（广播）</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>（请选择）</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Replace files that exist already</source>
            <translation>替换已存在的文件</translation>
        </message>
        <message>
            <source>Cancel export</source>
            <translation>取消导出</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Export into</source>
            <translation>导出到</translation>
        </message>
        <message>
            <source>Loop region (stems and mix)</source>
            <translation>循环区域（分轨和混音）</translation>
        </message>
        <message>
            <source>MP3 320 kbit/s</source>
            <translation>MP3 320 kbit/s</translation>
        </message>
        <message>
            <source>Also each track's notes as MIDI (arranger takes)</source>
            <translation>同时导出每条音轨的音符为 MIDI（编曲器版本）</translation>
        </message>
    </context>
    <context>
        <name>GenerationQueuePanel</name>
        <message>
            <source>Queued</source>
            <translation>排队中</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s) left</source>
            <translation>
                <numerusform>还剩 %n 个任务</numerusform>
            </translation>
        </message>
        <message>
            <source>Generation</source>
            <translation>生成</translation>
        </message>
        <message>
            <source>Cancel all</source>
            <translation>全部取消</translation>
        </message>
        <message>
            <source>Clear finished</source>
            <translation>清除已完成</translation>
        </message>
        <message>
            <source>New song</source>
            <translation>新歌曲</translation>
        </message>
        <message>
            <source>Cancel the new song (the open song stays)</source>
            <translation>取消新歌曲（已打开的歌曲保留）</translation>
        </message>
        <message>
            <source>Nothing is being generated. Regenerate a section to add a job here.</source>
            <translation>当前没有生成任务。重新生成一个段落即可在此添加任务。</translation>
        </message>
        <message>
            <source>Cancel %1</source>
            <translation>取消 %1</translation>
        </message>
        <message>
            <source>Cancel this job</source>
            <translation>取消此任务</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <source>Section %1 · %2</source>
            <translation>段落 %1 · %2</translation>
        </message>
        <message>
            <source>No section selected</source>
            <translation>未选择段落</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>段落类型</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>e.g. sparse piano, brushed drums</source>
            <translation>例如 sparse piano, brushed drums</translation>
        </message>
        <message>
            <source>Saved with this section and used each time it is regenerated.</source>
            <translation>随此段落保存，每次重新生成时使用。</translation>
        </message>
        <message>
            <source>Suggestions</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>Energy</source>
            <translation>能量</translation>
        </message>
        <message>
            <source>Locked (keeps its span and takes)</source>
            <translation>已锁定（保留其范围和版本）</translation>
        </message>
        <message>
            <source>This take was made by: %1</source>
            <translation>此版本由 %1 生成</translation>
        </message>
        <message>
            <source>Make it anew</source>
            <translation>重新生成</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>引擎</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>New random seed</source>
            <translation>新的随机种子</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>Keep this seed for the next regeneration (else each one rolls a new seed)</source>
            <translation>下次重新生成时保留此种子（否则每次随机生成新种子）</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <source>Guidance</source>
            <translation>引导强度</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <source>Regenerate (R)</source>
            <translation>重新生成 (R)</translation>
        </message>
        <message>
            <source>Takes</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>How many takes one Regenerate makes (seeds one apart), to compare</source>
            <translation>一次重新生成产生多少个版本（种子依次加一），用于比较</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>As in Settings</source>
            <translation>与设置相同</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Use the weights file chosen in Settings</source>
            <translation>使用设置中选择的权重文件</translation>
        </message>
        <message>
            <source>Weights for this regeneration</source>
            <translation>本次重新生成所用的权重</translation>
        </message>
        <message>
            <source>Safetensors weights (*.safetensors)</source>
            <translation>Safetensors 权重 (*.safetensors)</translation>
        </message>
        <message>
            <source>Stems</source>
            <translation>分轨</translation>
        </message>
        <message>
            <source>Make only this stem anew in this section</source>
            <translation>只在此段落中重新生成这一分轨</translation>
        </message>
        <message>
            <source>e.g. strings, brass</source>
            <translation>例如：弦乐、铜管</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New Song…</source>
            <translation>新建歌曲(&amp;N)…</translation>
        </message>
        <message>
            <source>New &amp;Empty Song</source>
            <translation>新建空白歌曲(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Import Audio…</source>
            <translation>导入音频(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>导出(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Split at Playhead</source>
            <translation>在播放头处拆分(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Merge with Next</source>
            <translation>与下一段合并(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Delete Section</source>
            <translation>删除段落(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Insert Section at Playhead</source>
            <translation>在播放头处插入段落(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Loop Section</source>
            <translation>循环段落(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>Zoom to &amp;Fit</source>
            <translation>缩放至适合(&amp;F)</translation>
        </message>
        <message>
            <source>Zoom to &amp;Section</source>
            <translation>缩放至段落(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Generate</source>
            <translation>生成(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Regenerate Section</source>
            <translation>重新生成段落(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Cancel All Jobs</source>
            <translation>取消所有任务(&amp;C)</translation>
        </message>
        <message>
            <source>Engine &amp;Settings…</source>
            <translation>引擎设置(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Audio</source>
            <translation>音频(&amp;A)</translation>
        </message>
        <message>
            <source>Look for devices again</source>
            <translation>重新查找设备</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;About S2A Studio</source>
            <translation>关于 S2A Studio(&amp;A)</translation>
        </message>
        <message>
            <source>%1 Hz · %2 BPM · %3</source>
            <translation>%1 Hz · %2 BPM · %3</translation>
        </message>
        <message>
            <source>key not set</source>
            <translation>未设置调性</translation>
        </message>
        <message>
            <source>About S2A Studio</source>
            <translation>关于 S2A Studio</translation>
        </message>
        <message>
            <source>S2A Studio %1</source>
            <translation>S2A Studio %1</translation>
        </message>
        <message>
            <source>Structure-guided music generation and editing: a song as labelled sections, each regenerated on its own while its neighbours stay put.</source>
            <translation>结构引导的音乐生成与编辑：歌曲由带标签的段落组成，每个段落可单独重新生成，相邻段落保持不变。</translation>
        </message>
        <message>
            <source>Save changes?</source>
            <translation>保存更改？</translation>
        </message>
        <message>
            <source>"%1" has unsaved changes.</source>
            <translation>“%1”有未保存的更改。</translation>
        </message>
        <message>
            <source>Import a song to analyse</source>
            <translation>导入要分析的歌曲</translation>
        </message>
        <message>
            <source>Audio (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)</source>
            <translation>音频 (*.wav *.flac *.ogg *.opus *.mp3 *.aif *.aiff)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Open a song (.s2a folder)</source>
            <translation>打开歌曲（.s2a 文件夹）</translation>
        </message>
        <message>
            <source>Save song as</source>
            <translation>歌曲另存为</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>S2A Studio songs (*.s2a)</source>
            <translation>S2A Studio 歌曲 (*.s2a)</translation>
        </message>
        <message>
            <source>S2A Studio</source>
            <translation>S2A Studio</translation>
        </message>
        <message>
            <source>Recover unsaved changes?</source>
            <translation>恢复未保存的更改？</translation>
        </message>
        <message>
            <source>S2A Studio closed before this song was saved. An automatic backup newer than the last save exists.</source>
            <translation>S2A Studio 在此歌曲保存前关闭了。存在一个比上次保存更新的自动备份。</translation>
        </message>
        <message>
            <source>Restore it to continue where you left off, or discard it to keep the last saved version.</source>
            <translation>恢复它以从上次中断处继续，或丢弃它以保留上次保存的版本。</translation>
        </message>
        <message>
            <source>Autosave failed: %1</source>
            <translation>自动保存失败：%1</translation>
        </message>
        <message>
            <source>S&amp;pectrograms</source>
            <translation>频谱图(&amp;P)</translation>
        </message>
        <message>
            <source>Undo &amp;History…</source>
            <translation>撤销历史(&amp;H)…</translation>
        </message>
        <message>
            <source>Add &amp;Marker at Playhead</source>
            <translation>在播放头处添加标记(&amp;M)</translation>
        </message>
        <message>
            <source>Previous Marker</source>
            <translation>上一个标记</translation>
        </message>
        <message>
            <source>Next Marker</source>
            <translation>下一个标记</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>设置(&amp;T)…</translation>
        </message>
        <message>
            <source>Audio &amp;Settings…</source>
            <translation>音频设置(&amp;S)…</translation>
        </message>
        <message>
            <source>Repaint &amp;Loop Region</source>
            <translation>重绘循环区域(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Accompany a Recording…</source>
            <translation>为录音配伴奏(&amp;A)…</translation>
        </message>
    </context>
    <context>
        <name>MarkerLane</name>
        <message>
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>NewSongDialog</name>
        <message>
            <source>New Song</source>
            <translation>新建歌曲</translation>
        </message>
        <message>
            <source>Describe the song</source>
            <translation>描述这首歌曲</translation>
        </message>
        <message>
            <source>e.g. upbeat funk with slap bass and brass, 110 bpm</source>
            <translation>例如 upbeat funk with slap bass and brass, 110 bpm</translation>
        </message>
        <message>
            <source>I understood: %1</source>
            <translation>理解为：%1</translation>
        </message>
        <message>
            <source>Name a style, a mood, instruments, a tempo or a key.</source>
            <translation>写出风格、情绪、乐器、速度或调性。</translation>
        </message>
        <message>
            <source>Structure</source>
            <translation>结构</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>自定义…</translation>
        </message>
        <message>
            <source>Sections and their bars, in order</source>
            <translation>按顺序列出段落及其小节数</translation>
        </message>
        <message>
            <source>Length</source>
            <translation>时长</translation>
        </message>
        <message>
            <source>as the structure says (or m:ss, e.g. 2:30)</source>
            <translation>按结构决定（或 m:ss，例如 2:30）</translation>
        </message>
        <message>
            <source>Tempo</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>Auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>From the caption, else the style</source>
            <translation>取自描述，否则取自风格</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>调性</translation>
        </message>
        <message>
            <source>Auto (from caption)</source>
            <translation>自动（取自描述）</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>引擎</translation>
        </message>
        <message>
            <source>%1 (unavailable)</source>
            <translation>%1（不可用）</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>random</source>
            <translation>随机</translation>
        </message>
        <message>
            <source>Roll a seed</source>
            <translation>随机生成种子</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>创建</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Structure-guided music generation and editing</source>
            <translation>结构引导的音乐生成与编辑</translation>
        </message>
        <message>
            <source>A song to open (a .s2a folder), or an audio file to import and analyse.</source>
            <translation>要打开的歌曲（.s2a 文件夹），或要导入并分析的音频文件。</translation>
        </message>
        <message>
            <source>Save a picture of the window to &lt;file&gt; once the song is open, then quit.</source>
            <translation>歌曲打开后将窗口截图保存到 &lt;文件&gt;，然后退出。</translation>
        </message>
        <message>
            <source>file</source>
            <extracomment>The value of --screenshot, as --help shows it: &lt;file&gt;</extracomment>
            <translation>文件</translation>
        </message>
        <message>
            <source>Preparing the demo song…</source>
            <translation>正在准备示例歌曲…</translation>
        </message>
        <message>
            <source>The demo song could not be made: %1</source>
            <translation>无法生成示例歌曲：%1</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>Recover unsaved songs?</source>
            <translation>恢复未保存的歌曲？</translation>
        </message>
        <message>
            <source>S2A Studio closed before these songs were saved. Restore one to continue where you left off.</source>
            <translation>S2A Studio 在这些歌曲保存前关闭了。恢复其中一首以从上次中断处继续。</translation>
        </message>
        <message>
            <source>%1 — saved %2 · %3 long</source>
            <translation>%1 — 保存于 %2 · 时长 %3</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>稍后</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
    </context>
    <context>
        <name>SectionLane</name>
        <message>
            <source>locked</source>
            <translation>已锁定</translation>
        </message>
        <message numerus="yes">
            <source>%n take(s)</source>
            <translation>
                <numerusform>%n 个版本</numerusform>
            </translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>重新生成</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <source>Loop this section</source>
            <translation>循环此段落</translation>
        </message>
        <message>
            <source>Copy caption</source>
            <translation>复制描述</translation>
        </message>
        <message>
            <source>Split at playhead</source>
            <translation>在播放头处拆分</translation>
        </message>
        <message>
            <source>Merge with next</source>
            <translation>与下一段合并</translation>
        </message>
        <message>
            <source>Delete (merge into neighbour)</source>
            <translation>删除（并入相邻段落）</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Device default</source>
            <translation>设备默认</translation>
        </message>
        <message>
            <source>%1 Hz</source>
            <translation>%1 Hz</translation>
        </message>
        <message>
            <source>Audio</source>
            <translation>音频</translation>
        </message>
        <message>
            <source>Generation</source>
            <translation>生成</translation>
        </message>
        <message>
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <source>Output device</source>
            <translation>输出设备</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>系统默认</translation>
        </message>
        <message>
            <source>%1 (in use)</source>
            <translation>%1（使用中）</translation>
        </message>
        <message>
            <source>Sample rate</source>
            <translation>采样率</translation>
        </message>
        <message>
            <source>Buffer size</source>
            <translation>缓冲区大小</translation>
        </message>
        <message>
            <source>%1 frames</source>
            <translation>%1 帧</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>当前</translation>
        </message>
        <message>
            <source>Test Tone</source>
            <translation>测试音</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <source>New songs use</source>
            <translation>新歌曲使用</translation>
        </message>
        <message>
            <source>Arranger (procedural)</source>
            <translation>编曲器（程序化）</translation>
        </message>
        <message>
            <source>Diffusion</source>
            <translation>扩散模型</translation>
        </message>
        <message>
            <source>Diffusion device</source>
            <translation>扩散模型设备</translation>
        </message>
        <message>
            <source>Automatic (GPU when there is one)</source>
            <translation>自动（有 GPU 时使用 GPU）</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>CUDA GPU</source>
            <translation>CUDA GPU</translation>
        </message>
        <message>
            <source>CPU threads</source>
            <translation>CPU 线程</translation>
        </message>
        <message>
            <source>one per core</source>
            <translation>每个核心一个</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Weights file</source>
            <translation>权重文件</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Changes apply from the next generation. Running now: %1</source>
            <translation>更改从下一次生成起生效。当前运行：%1</translation>
        </message>
        <message>
            <source>Autosave every</source>
            <translation>自动保存间隔</translation>
        </message>
        <message numerus="yes">
            <source>%n second(s)</source>
            <translation>
                <numerusform>%n 秒</numerusform>
            </translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <source>Language and theme changes apply when S2A Studio starts next.</source>
            <translation>语言和主题的更改将在下次启动 S2A Studio 时生效。</translation>
        </message>
        <message>
            <source>Choose a weights file</source>
            <translation>选择权重文件</translation>
        </message>
        <message>
            <source>Safetensors weights (*.safetensors)</source>
            <translation>Safetensors 权重 (*.safetensors)</translation>
        </message>
        <message>
            <source>Takes per Regenerate</source>
            <translation>每次重新生成的版本数</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <source>Diffusion steps</source>
            <translation>扩散步数</translation>
        </message>
        <message>
            <source>Guidance</source>
            <translation>引导强度</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Space</source>
            <extracomment>A key on the keyboard</extracomment>
            <translation>空格</translation>
        </message>
        <message>
            <source>Play / pause</source>
            <translation>播放 / 暂停</translation>
        </message>
        <message>
            <source>Home / End</source>
            <translation>Home / End</translation>
        </message>
        <message>
            <source>Go to the start / end</source>
            <translation>跳到开头 / 结尾</translation>
        </message>
        <message>
            <source>S</source>
            <translation>S</translation>
        </message>
        <message>
            <source>Split the section at the playhead</source>
            <translation>在播放头处拆分段落</translation>
        </message>
        <message>
            <source>M</source>
            <translation>M</translation>
        </message>
        <message>
            <source>Merge the selected section with the next</source>
            <translation>将所选段落与下一段合并</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Delete the selected section (its neighbour takes over)</source>
            <translation>删除所选段落（由相邻段落接替）</translation>
        </message>
        <message>
            <source>R</source>
            <translation>R</translation>
        </message>
        <message>
            <source>Regenerate the selected section</source>
            <translation>重新生成所选段落</translation>
        </message>
        <message>
            <source>L</source>
            <translation>L</translation>
        </message>
        <message>
            <source>Loop the selected section</source>
            <translation>循环所选段落</translation>
        </message>
        <message>
            <source>Select section 1 to 9</source>
            <translation>选择第 1 到 9 个段落</translation>
        </message>
        <message>
            <source>Zoom in / out around the playhead</source>
            <translation>以播放头为中心放大 / 缩小</translation>
        </message>
        <message>
            <source>Ctrl+wheel</source>
            <translation>Ctrl+滚轮</translation>
        </message>
        <message>
            <source>Zoom around the mouse</source>
            <translation>以鼠标为中心缩放</translation>
        </message>
        <message>
            <source>Shift+wheel</source>
            <translation>Shift+滚轮</translation>
        </message>
        <message>
            <source>Scroll along the song</source>
            <translation>沿歌曲滚动</translation>
        </message>
        <message>
            <source>Drag</source>
            <translation>拖动</translation>
        </message>
        <message>
            <source>Move a boundary (snaps to bars)</source>
            <translation>移动边界（吸附到小节）</translation>
        </message>
        <message>
            <source>Ctrl+drag</source>
            <translation>Ctrl+拖动</translation>
        </message>
        <message>
            <source>Move a boundary, snapping to beats</source>
            <translation>移动边界，吸附到节拍</translation>
        </message>
        <message>
            <source>Shift+drag</source>
            <translation>Shift+拖动</translation>
        </message>
        <message>
            <source>Move a boundary without snapping</source>
            <translation>移动边界，不吸附</translation>
        </message>
        <message>
            <source>Ctrl+Z / Ctrl+Shift+Z</source>
            <translation>Ctrl+Z / Ctrl+Shift+Z</translation>
        </message>
        <message>
            <source>Undo / redo</source>
            <translation>撤销 / 重做</translation>
        </message>
        <message>
            <source>Ctrl+S / Ctrl+O / Ctrl+N</source>
            <translation>Ctrl+S / Ctrl+O / Ctrl+N</translation>
        </message>
        <message>
            <source>Save / open / new song</source>
            <translation>保存 / 打开 / 新建歌曲</translation>
        </message>
        <message>
            <source>Ctrl+Shift+S</source>
            <translation>Ctrl+Shift+S</translation>
        </message>
        <message>
            <source>Save as</source>
            <translation>另存为</translation>
        </message>
        <message>
            <source>Ctrl+I / Ctrl+E</source>
            <translation>Ctrl+I / Ctrl+E</translation>
        </message>
        <message>
            <source>Import audio / export</source>
            <translation>导入音频 / 导出</translation>
        </message>
        <message>
            <source>Ctrl+M</source>
            <translation>Ctrl+M</translation>
        </message>
        <message>
            <source>Add a marker at the playhead</source>
            <translation>在播放头处添加标记</translation>
        </message>
        <message>
            <source>Jump to the previous / next marker</source>
            <translation>跳到上一个 / 下一个标记</translation>
        </message>
        <message>
            <source>Ctrl+,</source>
            <translation>Ctrl+,</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Shift+R</source>
            <translation>Shift+R</translation>
        </message>
        <message>
            <source>Repaint the loop region (any range, across sections)</source>
            <translation>重绘循环区域（任意范围，可跨段落）</translation>
        </message>
    </context>
    <context>
        <name>SongOverview</name>
        <message numerus="yes">
            <source>%1 · %n section(s)</source>
            <translation>
                <numerusform>%1 · %n 个段落</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n track(s)</source>
            <translation>
                <numerusform>%n 条音轨</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TakesList</name>
        <message>
            <source>Play this take</source>
            <translation>播放此版本</translation>
        </message>
        <message>
            <source>clips</source>
            <translation>削波</translation>
        </message>
        <message>
            <source>No takes yet</source>
            <translation>还没有版本</translation>
        </message>
    </context>
    <context>
        <name>TimelineRuler</name>
        <message>
            <source>Repaint This Range (Shift+R)</source>
            <translation>重绘此范围 (Shift+R)</translation>
        </message>
    </context>
    <context>
        <name>TrackLane</name>
        <message>
            <source>M</source>
            <translation>M</translation>
        </message>
        <message>
            <source>Mute</source>
            <translation>静音</translation>
        </message>
        <message>
            <source>S</source>
            <translation>S</translation>
        </message>
        <message>
            <source>Solo</source>
            <translation>独奏</translation>
        </message>
        <message>
            <source>%1 dB</source>
            <translation>%1 dB</translation>
        </message>
        <message>
            <source>Computing waveform…</source>
            <translation>正在计算波形…</translation>
        </message>
        <message>
            <source>Spectrogram</source>
            <translation>频谱图</translation>
        </message>
        <message>
            <source>Show this track as a spectrogram: pitched sound draws lines, noise a haze</source>
            <translation>将此音轨显示为频谱图：有音高的声音显示为线条，噪声显示为一片雾状</translation>
        </message>
        <message>
            <source>Computing spectrogram…</source>
            <translation>正在计算频谱图…</translation>
        </message>
        <message>
            <source>Your own recording: regenerating a section, a range or a stem never changes it</source>
            <translation>你自己的录音：重新生成段落、范围或分轨都不会改变它</translation>
        </message>
        <message>
            <source>%1 · your recording</source>
            <translation>%1 · 你的录音</translation>
        </message>
    </context>
    <context>
        <name>TransportBar</name>
        <message>
            <source>Pause (Space)</source>
            <translation>暂停（空格）</translation>
        </message>
        <message>
            <source>Play (Space)</source>
            <translation>播放（空格）</translation>
        </message>
        <message>
            <source>Stop and return to where playback started</source>
            <translation>停止并回到播放开始处</translation>
        </message>
        <message>
            <source>Loop (L loops the selected section)</source>
            <translation>循环（L 循环所选段落）</translation>
        </message>
        <message>
            <source>bar %1</source>
            <translation>第 %1 小节</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>The mix clipped: lower a track or the take. Click to reset.</source>
            <translation>混音出现削波：请降低某条音轨或版本的音量。点击以重置。</translation>
        </message>
    </context>
    <context>
        <name>UndoHistoryDialog</name>
        <message>
            <source>Undo History</source>
            <translation>撤销历史</translation>
        </message>
    </context>
    <context>
        <name>s2a::core::PlaybackController</name>
        <message>
            <source>Audio output not started.</source>
            <translation>音频输出未启动。</translation>
        </message>
        <message>
            <source>No audio output: %1 Playback is off until a device is available (Retry looks again).</source>
            <translation>没有音频输出：%1 在有可用设备之前播放已关闭（“重试”会再次查找）。</translation>
        </message>
        <message>
            <source>Audio output stopped.</source>
            <translation>音频输出已停止。</translation>
        </message>
        <message>
            <source>The audio output stopped (was the device disconnected?). Playback is off; Retry looks for a device again.</source>
            <translation>音频输出已停止（设备是否已断开？）。播放已关闭；“重试”会再次查找设备。</translation>
        </message>
    </context>
    <context>
        <name>s2a::core::Project</name>
        <message>
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source>Rename song</source>
            <translation>重命名歌曲</translation>
        </message>
        <message>
            <source>Set tempo</source>
            <translation>设置速度</translation>
        </message>
        <message>
            <source>Set time signature</source>
            <translation>设置拍号</translation>
        </message>
        <message>
            <source>Set key</source>
            <translation>设置调性</translation>
        </message>
        <message>
            <source>Edit song caption</source>
            <translation>编辑歌曲描述</translation>
        </message>
        <message>
            <source>Set seed</source>
            <translation>设置种子</translation>
        </message>
        <message>
            <source>Add track</source>
            <translation>添加音轨</translation>
        </message>
        <message>
            <source>Add track "%1"</source>
            <translation>添加音轨“%1”</translation>
        </message>
        <message>
            <source>Remove track "%1"</source>
            <translation>删除音轨“%1”</translation>
        </message>
        <message>
            <source>Rename track</source>
            <translation>重命名音轨</translation>
        </message>
        <message>
            <source>Set track gain</source>
            <translation>设置音轨增益</translation>
        </message>
        <message>
            <source>Set track pan</source>
            <translation>设置音轨声像</translation>
        </message>
        <message>
            <source>Mute track</source>
            <translation>静音音轨</translation>
        </message>
        <message>
            <source>Unmute track</source>
            <translation>取消音轨静音</translation>
        </message>
        <message>
            <source>Solo track</source>
            <translation>独奏音轨</translation>
        </message>
        <message>
            <source>Unsolo track</source>
            <translation>取消音轨独奏</translation>
        </message>
        <message>
            <source>Set track colour</source>
            <translation>设置音轨颜色</translation>
        </message>
        <message>
            <source>Split section</source>
            <translation>拆分段落</translation>
        </message>
        <message>
            <source>"%1" is the last section; there is nothing after it to merge with.</source>
            <translation>“%1”是最后一个段落；其后没有可合并的段落。</translation>
        </message>
        <message>
            <source>Merge sections</source>
            <translation>合并段落</translation>
        </message>
        <message>
            <source>The end of the last section is the end of the song; it has no neighbour to move.</source>
            <translation>最后一个段落的结尾就是歌曲的结尾；没有可移动的相邻段落。</translation>
        </message>
        <message>
            <source>Move section boundary</source>
            <translation>移动段落边界</translation>
        </message>
        <message>
            <source>Relabel section</source>
            <translation>更改段落标签</translation>
        </message>
        <message>
            <source>Edit section caption</source>
            <translation>编辑段落描述</translation>
        </message>
        <message>
            <source>Edit section tags</source>
            <translation>编辑段落标签</translation>
        </message>
        <message>
            <source>Set section energy</source>
            <translation>设置段落能量</translation>
        </message>
        <message>
            <source>Lock section</source>
            <translation>锁定段落</translation>
        </message>
        <message>
            <source>Unlock section</source>
            <translation>解锁段落</translation>
        </message>
        <message>
            <source>Add take</source>
            <translation>添加版本</translation>
        </message>
        <message>
            <source>Section "%1" is locked; unlock it to add takes.</source>
            <translation>段落“%1”已锁定；请先解锁再添加版本。</translation>
        </message>
        <message>
            <source>Take %1</source>
            <translation>版本 %1</translation>
        </message>
        <message>
            <source>Choose take</source>
            <translation>选择版本</translation>
        </message>
        <message>
            <source>Section "%1" is locked; unlock it to change its take.</source>
            <translation>段落“%1”已锁定；请先解锁再更换版本。</translation>
        </message>
        <message>
            <source>Rate take</source>
            <translation>为版本评分</translation>
        </message>
        <message>
            <source>Marker %1</source>
            <translation>标记 %1</translation>
        </message>
        <message>
            <source>Add marker "%1"</source>
            <translation>添加标记“%1”</translation>
        </message>
        <message>
            <source>A marker needs a name.</source>
            <translation>标记需要一个名称。</translation>
        </message>
        <message>
            <source>Rename marker</source>
            <translation>重命名标记</translation>
        </message>
        <message>
            <source>Move marker "%1"</source>
            <translation>移动标记“%1”</translation>
        </message>
        <message>
            <source>Delete marker "%1"</source>
            <translation>删除标记“%1”</translation>
        </message>
        <message>
            <source>Move bar 1</source>
            <translation>移动第 1 小节</translation>
        </message>
        <message>
            <source>Lock track</source>
            <translation>锁定音轨</translation>
        </message>
        <message>
            <source>Unlock track</source>
            <translation>解锁音轨</translation>
        </message>
        <message>
            <source>"%1" is not a chord such as C, F#m or Bb7</source>
            <translation>“%1”不是 C、F#m 或 Bb7 这样的和弦</translation>
        </message>
        <message>
            <source>Set chord %1</source>
            <translation>设置和弦 %1</translation>
        </message>
        <message>
            <source>There is no chord change there</source>
            <translation>那里没有和弦变化</translation>
        </message>
        <message>
            <source>Move chord %1</source>
            <translation>移动和弦 %1</translation>
        </message>
        <message>
            <source>Remove chord %1</source>
            <translation>删除和弦 %1</translation>
        </message>
    </context>
    <context>
        <name>s2a::core::ProjectDocument</name>
        <message>
            <source>%1
The automatic backup was opened instead; save to repair the song.</source>
            <translation>%1
已改为打开自动备份；请保存以修复这首歌。</translation>
        </message>
        <message>
            <source>%1 is not an automatic backup that can be restored.</source>
            <translation>%1 不是可以恢复的自动备份。</translation>
        </message>
        <message>
            <source>%1 is not an automatic backup that can be discarded.</source>
            <translation>%1 不是可以丢弃的自动备份。</translation>
        </message>
        <message>
            <source>Could not delete %1.</source>
            <translation>无法删除 %1。</translation>
        </message>
        <message>
            <source>This song has not been saved yet; choose where to save it.</source>
            <translation>这首歌尚未保存；请选择保存位置。</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::AudioSettings</name>
        <message>
            <source>The audio output “%1” chosen in Settings is not available now; playing through the system default instead.</source>
            <translation>设置中选择的音频输出“%1”当前不可用；改用系统默认输出播放。</translation>
        </message>
        <message>
            <source>The audio output does not play at the sample rate chosen in Settings; using its own rate instead.</source>
            <translation>该音频输出不支持设置中选择的采样率；改用其自身的采样率。</translation>
        </message>
        <message>
            <source>No output is open.</source>
            <translation>没有打开的输出。</translation>
        </message>
        <message>
            <source>%1 Hz · %2 frames (%3 ms)</source>
            <translation>%1 Hz · %2 帧（%3 毫秒）</translation>
        </message>
        <message>
            <source>That audio output is no longer available.</source>
            <translation>该音频输出已不可用。</translation>
        </message>
        <message>
            <source>%1 Hz is not a sample rate S2A Studio offers.</source>
            <translation>S2A Studio 不提供 %1 Hz 的采样率。</translation>
        </message>
        <message>
            <source>A buffer of %1 frames is outside %2 to %3.</source>
            <translation>%1 帧的缓冲区超出 %2 到 %3 的范围。</translation>
        </message>
        <message>
            <source>That output could not be opened: %1</source>
            <translation>无法打开该输出：%1</translation>
        </message>
        <message>
            <source>No audio output is open: choose one first.</source>
            <translation>没有打开的音频输出：请先选择一个。</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::ChordLaneEditor</name>
        <message>
            <source>There is no chord change there</source>
            <translation>那里没有和弦变化</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::DialogSupport</name>
        <message>
            <source>File dialogs cannot open: a Qt module they need is missing (on Debian install qml6-module-qt-labs-folderlistmodel, or run scripts/dev deps).
%1</source>
            <translation>无法打开文件对话框：缺少所需的 Qt 模块（在 Debian 上请安装 qml6-module-qt-labs-folderlistmodel，或运行 scripts/dev deps）。
%1</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::DocumentController</name>
        <message>
            <source>Could not import: %1</source>
            <translation>无法导入：%1</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source>An import is already running.</source>
            <translation>已有导入正在进行。</translation>
        </message>
        <message>
            <source>Analysing %1…</source>
            <translation>正在分析 %1…</translation>
        </message>
        <message>
            <source>That song is no longer on disk.</source>
            <translation>该歌曲已不在磁盘上。</translation>
        </message>
        <message>
            <source>Accompanying %1…</source>
            <translation>正在为 %1 配伴奏…</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::EditorController</name>
        <message>
            <source>Instruments</source>
            <translation>乐器</translation>
        </message>
        <message>
            <source>Mood</source>
            <translation>情绪</translation>
        </message>
        <message>
            <source>Energy</source>
            <translation>能量</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>流派</translation>
        </message>
        <message>
            <source>There is no section at that position.</source>
            <translation>该位置没有段落。</translation>
        </message>
        <message>
            <source>There is no section %1.</source>
            <translation>没有段落 %1。</translation>
        </message>
        <message>
            <source>A song needs at least one section.</source>
            <translation>歌曲至少需要一个段落。</translation>
        </message>
        <message>
            <source>Delete section</source>
            <translation>删除段落</translation>
        </message>
        <message>
            <source>Insert section</source>
            <translation>插入段落</translation>
        </message>
        <message>
            <source>A section needs a name.</source>
            <translation>段落需要一个名称。</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::EngineSettings</name>
        <message>
            <source>There is no model config “%1”.</source>
            <translation>没有名为“%1”的模型配置。</translation>
        </message>
        <message>
            <source>Checking %1…</source>
            <translation>正在检查 %1…</translation>
        </message>
        <message>
            <source>%1 is not a file.</source>
            <translation>%1 不是文件。</translation>
        </message>
        <message>
            <source>Fits %1: %2 M parameters in %3 tensors.
SHA-256 %4</source>
            <extracomment>%1 config name, %2 millions of parameters, %3 tensor count, %4 the file's SHA-256</extracomment>
            <translation>符合 %1：%3 个张量，共 %2 M 个参数。
SHA-256 %4</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::ExportModel</name>
        <message>
            <source>An export is already running.</source>
            <translation>已有导出正在进行。</translation>
        </message>
        <message>
            <source>Save the song first: its audio lives in the song's folder.</source>
            <translation>请先保存歌曲：它的音频保存在歌曲文件夹中。</translation>
        </message>
        <message>
            <source>Unknown format "%1".</source>
            <translation>未知格式“%1”。</translation>
        </message>
        <message>
            <source>Export cancelled; no files were left behind.</source>
            <translation>导出已取消；没有留下任何文件。</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) written to %1</source>
            <translation>
                <numerusform>已将 %n 个文件写入 %1</numerusform>
            </translation>
        </message>
        <message>
            <source>There is no loop region to export: set one first (L loops the selected section).</source>
            <translation>没有可导出的循环区域：请先设置一个（L 键循环所选段落）。</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::GeneralSettings</name>
        <message>
            <source>System (%1)</source>
            <translation>系统（%1）</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::GenerationQueueModel</name>
        <message>
            <source>The %1 engine is not available: %2.</source>
            <translation>%1 引擎不可用：%2。</translation>
        </message>
        <message>
            <source>There is no engine called "%1".</source>
            <translation>没有名为“%1”的引擎。</translation>
        </message>
        <message>
            <source>There is no section "%1" in this song.</source>
            <translation>此歌曲中没有段落“%1”。</translation>
        </message>
        <message>
            <source>%1 is locked; unlock it to regenerate it.</source>
            <translation>%1 已锁定；解锁后才能重新生成。</translation>
        </message>
        <message>
            <source>The seed must be a whole number of 0 or more.</source>
            <translation>种子必须是大于或等于 0 的整数。</translation>
        </message>
        <message>
            <source>Steps must be a whole number of 1 or more.</source>
            <translation>步数必须是大于或等于 1 的整数。</translation>
        </message>
        <message>
            <source>Guidance must be a number of 0 or more.</source>
            <translation>引导强度必须是大于或等于 0 的数。</translation>
        </message>
        <message>
            <source>The context must be a number of seconds, 0 or more.</source>
            <translation>上下文必须是大于或等于 0 的秒数。</translation>
        </message>
        <message>
            <source>Regenerate %1</source>
            <translation>重新生成 %1</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>almost done</source>
            <translation>即将完成</translation>
        </message>
        <message numerus="yes">
            <source>about %n s left</source>
            <translation>
                <numerusform>约剩 %n 秒</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>about %n min left</source>
            <translation>
                <numerusform>约剩 %n 分钟</numerusform>
            </translation>
        </message>
        <message>
            <source>Starting</source>
            <translation>正在开始</translation>
        </message>
        <message>
            <source>Dropped: another song was opened.</source>
            <translation>已放弃：打开了另一首歌曲。</translation>
        </message>
        <message>
            <source>dropped, another song was opened</source>
            <translation>已放弃，打开了另一首歌曲</translation>
        </message>
        <message>
            <source>New take ready</source>
            <translation>新版本已就绪</translation>
        </message>
        <message>
            <source>new take ready</source>
            <translation>新版本已就绪</translation>
        </message>
        <message>
            <source>Cancelled: another song was opened.</source>
            <translation>已取消：打开了另一首歌曲。</translation>
        </message>
        <message>
            <source>cancelled, another song was opened</source>
            <translation>已取消，打开了另一首歌曲</translation>
        </message>
        <message>
            <source>Takes per request must be a whole number from 1 to %1.</source>
            <translation>每次请求的版本数必须是 1 到 %1 之间的整数。</translation>
        </message>
        <message>
            <source>The range is not inside the song.</source>
            <translation>该范围不在歌曲之内。</translation>
        </message>
        <message>
            <source>The range is too short to repaint: make it at least %1 s long.</source>
            <translation>该范围太短，无法重绘：请至少设为 %1 秒。</translation>
        </message>
        <message>
            <source>%1 is locked; unlock it to repaint over it.</source>
            <translation>%1 已锁定；请先解锁再重绘。</translation>
        </message>
        <message>
            <source>%1–%2</source>
            <translation>%1–%2</translation>
        </message>
        <message>
            <source>Repaint %1</source>
            <translation>重绘 %1</translation>
        </message>
        <message>
            <source>range %1</source>
            <translation>范围 %1</translation>
        </message>
        <message>
            <source>%1 (take %2 of %3)</source>
            <translation>%1（第 %2 个版本，共 %3 个）</translation>
        </message>
        <message numerus="yes">
            <source>%n new take(s) ready</source>
            <translation>
                <numerusform>%n 个新版本已就绪</numerusform>
            </translation>
        </message>
        <message>
            <source>Only the diffusion engine loads a weights file.</source>
            <translation>只有扩散引擎会加载权重文件。</translation>
        </message>
        <message>
            <source>The weights file %1 does not exist.</source>
            <translation>权重文件 %1 不存在。</translation>
        </message>
        <message>
            <source>Regenerate %1 in %2</source>
            <translation>重新生成 %2 中的 %1</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::LoopRegionEditor</name>
        <message>
            <source>Move loop</source>
            <translation>移动循环区域</translation>
        </message>
        <message>
            <source>Resize loop</source>
            <translation>调整循环区域</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::NewSongModel</name>
        <message>
            <source>A new song is already being made.</source>
            <translation>已有新歌曲正在生成。</translation>
        </message>
        <message>
            <source>Describe the song first: the caption is empty.</source>
            <translation>请先描述歌曲：描述为空。</translation>
        </message>
        <message>
            <source>There is no engine "%1".</source>
            <translation>没有引擎“%1”。</translation>
        </message>
        <message>
            <source>The %1 engine is not available: %2.</source>
            <translation>%1 引擎不可用：%2。</translation>
        </message>
        <message>
            <source>The length "%1" is not m:ss between 0:10 and 20:00.</source>
            <translation>时长“%1”不是 0:10 到 20:00 之间的 m:ss 格式。</translation>
        </message>
        <message>
            <source>The tempo must be between %1 and %2 BPM (or 0 for the caption's).</source>
            <translation>速度必须在 %1 到 %2 BPM 之间（或为 0，表示取自描述）。</translation>
        </message>
        <message>
            <source>The seed "%1" is not a whole number.</source>
            <translation>种子“%1”不是整数。</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>正在开始…</translation>
        </message>
        <message>
            <source>Cancelled; the open song is unchanged.</source>
            <translation>已取消；已打开的歌曲未改变。</translation>
        </message>
        <message>
            <source>Could not make the song: %1</source>
            <translation>无法生成歌曲：%1</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::TakeListModel</name>
        <message>
            <source>unknown engine</source>
            <translation>未知引擎</translation>
        </message>
        <message>
            <source>seed %1</source>
            <translation>种子 %1</translation>
        </message>
        <message numerus="yes">
            <source>%n step(s)</source>
            <translation>
                <numerusform>%n 步</numerusform>
            </translation>
        </message>
        <message>
            <source>guidance %1</source>
            <translation>引导强度 %1</translation>
        </message>
        <message>
            <source>level guard %1 dB</source>
            <translation>电平保护 %1 dB</translation>
        </message>
        <message>
            <source>Clips: its stems peak at %1 dBTP</source>
            <translation>削波：其分轨峰值达到 %1 dBTP</translation>
        </message>
        <message>
            <source>There is no take %1.</source>
            <translation>没有版本 %1。</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::TransportModel</name>
        <message>
            <source>CLIP %1 dB</source>
            <translation>削波 %1 dB</translation>
        </message>
        <message>
            <source>%1 BPM · %2/%3</source>
            <translation>%1 BPM · %2/%3</translation>
        </message>
        <message numerus="yes">
            <source>DSP %1 % · %n xrun(s)</source>
            <translation>
                <numerusform>DSP %1 % · %n 次 xrun</numerusform>
            </translation>
        </message>
        <message>
            <source>Audio output not started.</source>
            <translation>音频输出未启动。</translation>
        </message>
        <message>
            <source>Audio output stopped.</source>
            <translation>音频输出已停止。</translation>
        </message>
        <message>
            <source>No audio output: %1 Playback is off until a device is available (Retry looks again).</source>
            <translation>没有音频输出：%1 在有可用设备之前播放已关闭（“重试”会再次查找）。</translation>
        </message>
        <message>
            <source>The audio output stopped (was the device disconnected?). Playback is off; Retry looks for a device again.</source>
            <translation>音频输出已停止（设备是否已断开？）。播放已关闭；“重试”会再次查找设备。</translation>
        </message>
        <message>
            <source>Set loop region</source>
            <translation>设置循环区域</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::UndoHistoryModel</name>
        <message>
            <source>Opened song</source>
            <translation>打开时的歌曲</translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::WaveformItem</name>
        <message>
            <source>Clip %1 names no audio file.</source>
            <translation>片段 %1 没有指定音频文件。</translation>
        </message>
        <message>
            <source>%1: no audio folder is set, so the file cannot be found.</source>
            <translation>%1：未设置音频文件夹，因此找不到该文件。</translation>
        </message>
    </context>
</TS>